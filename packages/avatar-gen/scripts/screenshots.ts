// Renders the default avatar in headless Chromium and writes PNG screenshots.
// Usage: node --conditions=@rigcast/source --import tsx packages/avatar-gen/scripts/screenshots.ts [outDir] [shot...]
// With no shot names it writes the README set (docs/images/default-avatar-*.png).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../../../test/support/chromium';
import { REPO_ROOT } from '../../../test/support/sharedData';
import { servePreview } from '../preview/servePreview';
import { generateDefaultAvatar } from '../src/generateDefaultAvatar';

interface Shot {
  name: string;
  /** Only rendered when asked for by name (views for checking the model, not for the README). */
  extra?: boolean;
  expressions?: Record<string, number>;
  bones?: Record<string, [number, number, number, number]>;
  view: Record<string, unknown>;
}

const FACE = { width: 260, height: 260, target: [0, 1.31, 0], distance: 1.2, fov: 20, pitch: 0.05 };
const BUST = { width: 400, height: 440, target: [0, 1.2, 0], distance: 2.0, fov: 20, pitch: 0.05, yaw: 0.3 };
const FULL = { width: 300, height: 600, target: [0, 0.76, 0], distance: 4.8, fov: 20, pitch: 0.08, yaw: 0.45 };

const q = (x: number, y: number, z: number, angle: number): [number, number, number, number] => {
  const s = Math.sin(angle / 2);
  return [x * s, y * s, z * s, Math.cos(angle / 2)];
};
/** A relaxed standing pose for the README: arms down, elbows a little bent, head tilted. */
const RELAXED = {
  leftUpperArm: q(0, 0, 1, -1.25),
  rightUpperArm: q(0, 0, 1, 1.25),
  leftLowerArm: q(0, 1, 0, 0.25),
  rightLowerArm: q(0, 1, 0, -0.25),
  head: q(0, 0, 1, -0.08),
};

const SHOTS: Shot[] = [
  { name: 'neutral', view: BUST, bones: RELAXED },
  { name: 'full', view: FULL, bones: RELAXED },
  { name: 'face-neutral', view: FACE, bones: RELAXED },
  { name: 'happy', expressions: { happy: 1 }, view: FACE, bones: RELAXED },
  { name: 'aa', expressions: { aa: 1 }, view: FACE, bones: RELAXED },
  { name: 'blink', expressions: { blink: 1 }, view: FACE, bones: RELAXED },
  { name: 'surprised', expressions: { surprised: 1 }, view: FACE, bones: RELAXED },
  { name: 'angry', expressions: { angry: 1 }, view: FACE, bones: RELAXED },
  { name: 'sad', expressions: { sad: 1 }, view: FACE, bones: RELAXED },
  { name: 'relaxed', expressions: { relaxed: 1 }, view: FACE, bones: RELAXED },
  { name: 'closeup', extra: true, view: { width: 400, height: 400, target: [0, 1.285, 0], distance: 0.7, fov: 20, pitch: 0.05 } },
  { name: 'closeup-aa', extra: true, expressions: { aa: 1 }, view: { width: 400, height: 400, target: [0, 1.285, 0], distance: 0.7, fov: 20, pitch: 0.05 } },
  { name: 'gaze-up', extra: true, bones: { leftEye: q(1, 0, 0, -0.07), rightEye: q(1, 0, 0, -0.07) }, view: { width: 400, height: 400, target: [0, 1.285, 0], distance: 0.7, fov: 20, pitch: 0.05 } },
  { name: 'gaze-side', extra: true, bones: { leftEye: q(0, 1, 0, 0.096), rightEye: q(0, 1, 0, 0.096) }, view: { width: 400, height: 400, target: [0, 1.285, 0], distance: 0.7, fov: 20, pitch: 0.05 } },
  { name: 'gaze-down', extra: true, bones: { leftEye: q(1, 0, 0, 0.07), rightEye: q(1, 0, 0, 0.07) }, view: { width: 400, height: 400, target: [0, 1.285, 0], distance: 0.7, fov: 20, pitch: 0.05 } },
  { name: 'top', extra: true, view: { width: 360, height: 360, target: [0, 1.42, 0], distance: 0.9, fov: 20, pitch: 0.6, yaw: 0.3 } },
  { name: 'hand', extra: true, view: { width: 360, height: 360, target: [0.62, 1.1, 0], distance: 0.8, fov: 20, pitch: 0.5, yaw: 0.4 } },
  { name: 'back', extra: true, view: { width: 400, height: 480, target: [0, 1.15, 0], distance: 2.6, fov: 20, pitch: 0.1, yaw: 2.7 } },
  { name: 'side', extra: true, view: { width: 360, height: 360, target: [0, 1.31, 0], distance: 1.25, fov: 20, pitch: 0.05, yaw: 1.2 } },
];

const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, 'docs/images'));
const only = process.argv.slice(3);
mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'rigcast-avatar-'));
const vrmPath = join(tmp, 'avatar.vrm');
writeFileSync(vrmPath, generateDefaultAvatar().bytes);
const server = await servePreview(vrmPath);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 800 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`);
  });
  await page.goto(server.url);
  await page.waitForFunction('window.avatarPreviewReady === true');
  const info = await page.evaluate(`window.avatarPreview.load('/avatar.vrm')`);
  console.log(JSON.stringify({ ...(info as Record<string, unknown>), restPositions: undefined, expressions: undefined }));
  await page.addStyleTag({ content: 'body { background: linear-gradient(180deg, #f4f1ff 0%, #dcd6f7 100%); }' });
  for (const shot of SHOTS) {
    if (only.length ? !only.includes(shot.name) : shot.extra) continue;
    await page.evaluate(`window.avatarPreview.setView(${JSON.stringify(shot.view)})`);
    await page.evaluate(`window.avatarPreview.render(${JSON.stringify({ expressions: shot.expressions ?? {}, bones: shot.bones ?? {} })})`);
    const v = shot.view as { width: number; height: number };
    const file = join(outDir, `default-avatar-${shot.name}.png`);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: v.width, height: v.height } });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
