import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARKIT_BLENDSHAPE_NAMES, HUMANOID_BONE_NAMES, RIG_EXPRESSION_NAMES } from '@rigcast/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreviewServer, servePreview } from '@rigcast/avatar-gen/preview';
import { generateDefaultAvatar } from '@rigcast/avatar-gen';
import { launchChromium } from './support/chromium';

// The generated default avatar in real three-vrm, in Debian Chromium (software GL): it loads
// without warnings, every expression visibly changes the face where its name says, and the
// bones move the skinned mesh.

type Box = [x0: number, x1: number, y0: number, y1: number];
/** Face regions in model space (metres), front of the face; projected to pixels by the page. */
const REGION_BOXES: Record<string, Box> = {
  leftEye: [0.018, 0.092, 1.262, 1.334],
  rightEye: [-0.092, -0.018, 1.262, 1.334],
  leftBrow: [0.018, 0.09, 1.334, 1.372],
  rightBrow: [-0.09, -0.018, 1.334, 1.372],
  nose: [-0.016, 0.016, 1.25, 1.28],
  mouth: [-0.045, 0.045, 1.18, 1.252],
  leftCheek: [0.04, 0.13, 1.22, 1.285],
  rightCheek: [-0.13, -0.04, 1.22, 1.285],
};
const FACE_Z = 0.115;

/** Which regions each expression is about. */
function regionsOf(name: string): string[] {
  const side = name.endsWith('Left') ? ['left'] : name.endsWith('Right') ? ['right'] : ['left', 'right'];
  if (/^(eye|blink)/.test(name)) return side.map((s) => `${s}Eye`);
  if (name.startsWith('brow')) return side.map((s) => `${s}Brow`);
  if (name.startsWith('cheek')) return side.map((s) => `${s}Cheek`);
  if (name.startsWith('nose')) return ['nose'];
  if (/^(jaw|mouth|tongue|aa|ih|ou|ee|oh)/.test(name)) return ['mouth'];
  switch (name) {
    case 'happy':
    case 'relaxed':
      return ['leftEye', 'rightEye', 'mouth'];
    case 'angry':
    case 'sad':
      return ['leftBrow', 'rightBrow'];
    case 'surprised':
      return ['leftEye', 'rightEye', 'mouth'];
    default:
      throw new Error(`no region for ${name}`);
  }
}

/** At least this many pixels must change in each region an expression is about. */
const MIN_PIXELS = 20;
/** Shapes that also (rightly) move things outside their own region, so "mostly in its region" does not apply. */
const SPREADING = new Set(['cheekPuff', 'noseSneerLeft', 'noseSneerRight', 'happy', 'surprised', 'angry', 'sad', 'relaxed']);

describe('default avatar in three-vrm (headless Chromium)', () => {
  let browser: Browser;
  let server: PreviewServer;
  let page: Page;
  let dir: string;
  let info: any;
  const warnings: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rigcast-default-avatar-'));
    const vrmPath = join(dir, 'rigcast-default.vrm');
    writeFileSync(vrmPath, generateDefaultAvatar().bytes);
    [server, browser] = await Promise.all([servePreview(vrmPath), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 640, height: 640 } });
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    page.on('pageerror', (e) => warnings.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.waitForFunction('window.avatarPreviewReady === true');
    info = await page.evaluate(`window.avatarPreview.load('/avatar.vrm')`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads as VRM 1.0 with no warnings, every humanoid bone but the jaw, bone look-at and spring bones', () => {
    expect(info.warnings).toEqual([]);
    expect(warnings).toEqual([]);
    expect(info.metaVersion).toBe('1');
    expect(info.meta).toMatchObject({ name: 'rigcast default', authors: ['rigcast'], avatarPermission: 'everyone', allowRedistribution: true, thumbnail: [128, 128] });
    expect([...info.humanBones].sort()).toEqual(HUMANOID_BONE_NAMES.filter((n) => n !== 'jaw').sort());
    expect(info.lookAtType).toBe('bone');
    expect(info.springJoints).toBeGreaterThan(10);
    console.log(`draw calls per frame (three.js renderer.info, MToon outlines included): ${info.renderCalls}; meshes × materials: ${info.drawCalls}`);
    expect(info.renderCalls).toBeLessThanOrEqual(6);
  });

  it('has all 52 ARKit names and every VRM preset in expressionManager', () => {
    const names = new Set(info.expressions.map((e: { name: string }) => e.name));
    for (const n of [...ARKIT_BLENDSHAPE_NAMES, ...RIG_EXPRESSION_NAMES, 'lookUp', 'lookDown', 'lookLeft', 'lookRight']) expect(names.has(n), n).toBe(true);
    for (const e of info.expressions) expect(e.isBinary, e.name).toBe(false);
  });

  it('shows every expression at weight 1, in the region its name is about', async () => {
    await page.evaluate(`window.avatarPreview.setView({ width: 384, height: 384, target: [0, 1.29, 0], distance: 1.05, fov: 20 })`);
    const regions: Record<string, number[]> = {};
    for (const [name, [x0, x1, y0, y1]] of Object.entries(REGION_BOXES)) {
      const a = (await page.evaluate(`window.avatarPreview.project([${x0}, ${y1}, ${FACE_Z}])`)) as number[];
      const b = (await page.evaluate(`window.avatarPreview.project([${x1}, ${y0}, ${FACE_Z}])`)) as number[];
      regions[name] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])].map(Math.round);
    }
    await page.evaluate('window.avatarPreview.captureNeutral()');
    const names = [...ARKIT_BLENDSHAPE_NAMES, ...RIG_EXPRESSION_NAMES];
    const rows: string[] = [];
    const failures: string[] = [];
    for (const name of names) {
      const counts = (await page.evaluate(`window.avatarPreview.diff(${JSON.stringify({ expressions: { [name]: 1 } })}, ${JSON.stringify(regions)})`)) as Record<string, number>;
      const own = regionsOf(name);
      const inOwn = own.reduce((n, r) => n + counts[r], 0);
      rows.push(`${name.padEnd(20)} total ${String(counts.total).padStart(5)}  ${own.map((r) => `${r} ${counts[r]}`).join('  ')}`);
      for (const r of own) if (counts[r] < MIN_PIXELS) failures.push(`${name}: only ${counts[r]} pixels changed in ${r}`);
      if (!SPREADING.has(name) && inOwn < counts.total * 0.5) failures.push(`${name}: ${inOwn} of ${counts.total} changed pixels in ${own.join('+')}`);
      // One-sided shapes change their own side more than the other.
      if (/^(eye|brow|cheek)\w*(Left|Right)$/.test(name) || /^blink(Left|Right)$/.test(name)) {
        const other = own[0].startsWith('left') ? own[0].replace('left', 'right') : own[0].replace('right', 'left');
        if (counts[own[0]] <= counts[other]) failures.push(`${name}: changed ${other} (${counts[other]}) as much as ${own[0]} (${counts[own[0]]})`);
      }
    }
    console.log(rows.join('\n'));
    expect(failures).toEqual([]);
  });

  it('moves the skinned mesh with the head, upper arm, finger and eye bones', async () => {
    const rest = info.restPositions as Record<string, number[]>;
    const q = (axis: [number, number, number], angle: number) => [...axis.map((v) => v * Math.sin(angle / 2)), Math.cos(angle / 2)];
    const cases: { bone: string; rotation: number[]; view: Record<string, unknown> }[] = [
      { bone: 'head', rotation: q([0, 1, 0], 0.4), view: { target: [0, 1.3, 0], distance: 1.6 } },
      { bone: 'leftUpperArm', rotation: q([0, 0, 1], -1.0), view: { target: [0.3, 1.0, 0], distance: 3 } },
      { bone: 'leftIndexProximal', rotation: q([0, 0, 1], -1.2), view: { target: [rest.leftHand[0] + 0.08, rest.leftHand[1], 0], distance: 0.6 } },
      { bone: 'rightLittleProximal', rotation: q([0, 0, 1], 1.2), view: { target: [rest.rightHand[0] - 0.08, rest.rightHand[1], 0], distance: 0.6 } },
      // The look-at's largest turn (5.5°) slides the iris along the face.
      { bone: 'leftEye', rotation: q([0, 1, 0], (5.5 * Math.PI) / 180), view: { target: [0.05, 1.3, 0], distance: 0.5 } },
    ];
    for (const c of cases) {
      // (one view per bone, framed on what it moves)
      await page.evaluate(`window.avatarPreview.setView(${JSON.stringify({ width: 320, height: 320, fov: 20, ...c.view })})`);
      await page.evaluate('window.avatarPreview.captureNeutral()');
      const counts = (await page.evaluate(`window.avatarPreview.diff(${JSON.stringify({ bones: { [c.bone]: c.rotation } })}, {})`)) as Record<string, number>;
      console.log(`${c.bone}: ${counts.total} pixels changed`);
      expect(counts.total, c.bone).toBeGreaterThan(300);
    }
  });

  it('has spring-bone hair that swings when the head turns and settles without blowing up', async () => {
    const turn = [0, Math.sin(0.35), 0, Math.cos(0.35)];
    const rest = (await page.evaluate(`window.avatarPreview.simulateSprings({}, 2)`)) as number[][];
    const turned = (await page.evaluate(`window.avatarPreview.simulateSprings(${JSON.stringify({ bones: { head: turn, neck: turn } })}, 2)`)) as number[][];
    const moved = turned.map((p, i) => Math.hypot(p[0] - rest[i][0], p[1] - rest[i][1], p[2] - rest[i][2]));
    for (const p of [...rest, ...turned]) for (const v of p) expect(Number.isFinite(v)).toBe(true);
    // Every hair joint stays near the head (no explosion) and the long strands follow the turn.
    for (const p of turned) expect(Math.hypot(p[0], p[1] - 1.2, p[2])).toBeLessThan(0.6);
    expect(Math.max(...moved)).toBeGreaterThan(0.03);
  });
});
