/**
 * Records HandLandmarker results (up to two hands) and PoseLandmarker's wrists for every frame of
 * a video into a compact fixture.
 *
 *   node --import tsx packages/solver/scripts/record-hand-fixture.ts thumbs-up   (or: open-hand, or: <video> <out>)
 *
 * - `thumbs-up`: `../shared/media/body/arm-raise-thumbs-up.mp4` → `fixtures/arm-raise-thumbs-up-hands.rchf.gz`
 * - `open-hand`: `../shared/media/hands/hand.mp4` → `fixtures/hand-open-hands.rchf.gz`
 *
 * It serves `@mediapipe/tasks-vision` (ESM bundle and wasm) from node_modules, the models from
 * `../shared/models/` and the video on a local port, opens Debian Chromium, seeks to the middle of
 * each frame and runs HandLandmarker (numHands 2) and PoseLandmarker lite on it, both in VIDEO
 * mode on the CPU, as the tracker does. No network.
 */
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../../test/support/chromium';
import { sharedPath } from '../../../test/support/sharedData';
import { encodeHandFixture, type RawHandFrame } from '../src/fixture/HandFixture';
import { OPEN_HAND_FIXTURE_PATH, THUMBS_UP_HAND_FIXTURE_PATH } from '../src/fixture/loadHandFixture';

const CLIPS: Record<string, { video: string; out: string }> = {
  'thumbs-up': { video: sharedPath('media/body/arm-raise-thumbs-up.mp4'), out: THUMBS_UP_HAND_FIXTURE_PATH },
  'open-hand': { video: sharedPath('media/hands/hand.mp4'), out: OPEN_HAND_FIXTURE_PATH },
};
/** Both clips are 25 fps. */
const FPS = 25;

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tasksVisionDir = dirname(require.resolve('@mediapipe/tasks-vision', { paths: [resolve(here, '..')] }));
const args = process.argv.slice(2);
const preset = CLIPS[args[0] ?? ''];
if (!preset && args.length < 2) {
  console.error(`usage: record-hand-fixture.ts ${Object.keys(CLIPS).join('|')} | <video> <out>`);
  process.exit(2);
}
const videoPath = resolve(preset?.video ?? args[0]);
const outPath = resolve(preset?.out ?? args[1]);
const handModelPath = sharedPath('models/hand_landmarker.task');
const poseModelPath = sharedPath('models/pose_landmarker_lite.task');

const MIME: Record<string, string> = {
  '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.mp4': 'video/mp4', '.task': 'application/octet-stream', '.html': 'text/html',
};

/** PoseLandmarker's indices of the subject's left and right wrists. */
const POSE_LEFT_WRIST = 15;
const POSE_RIGHT_WRIST = 16;

const page = `<!doctype html><meta charset="utf-8"><body><script type="module">
import { FilesetResolver, HandLandmarker, PoseLandmarker } from '/tasks-vision/vision_bundle.mjs';
const fileset = await FilesetResolver.forVisionTasks('/tasks-vision/wasm');
const hands = await HandLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/hand.task', delegate: 'CPU' }, runningMode: 'VIDEO', numHands: 2,
});
const pose = await PoseLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/pose.task', delegate: 'CPU' }, runningMode: 'VIDEO', numPoses: 1,
});
const video = document.createElement('video');
video.muted = true; video.playsInline = true; video.preload = 'auto';
document.body.append(video);
video.src = URL.createObjectURL(await (await fetch('/video.mp4')).blob());
await new Promise((ok, fail) => { video.onloadeddata = ok; video.onerror = () => fail(new Error('video failed to load')); });
function seek(t) {
  return new Promise((ok) => {
    let done = false;
    const finish = () => { if (!done) { done = true; ok(); } };
    video.addEventListener('seeked', () => {
      if ('requestVideoFrameCallback' in video) { video.requestVideoFrameCallback(finish); setTimeout(finish, 250); }
      else finish();
    }, { once: true });
    video.currentTime = t;
  });
}
const flat = (points) => points.flatMap((p) => [p.x, p.y, p.z]);
window.recorder = {
  width: video.videoWidth, height: video.videoHeight, duration: video.duration,
  async frame(i, fps) {
    await seek((i + 0.5) / fps);
    const t = (i * 1000) / fps + 1;
    const h = hands.detectForVideo(video, t);
    const p = pose.detectForVideo(video, t);
    const wrist = (k) => { const w = p.landmarks[0][k]; return [w.x, w.y, w.visibility ?? 1]; };
    return {
      hands: h.landmarks.map((lm, k) => ({
        landmarks: flat(lm), world: flat(h.worldLandmarks[k]),
        label: h.handedness[k][0].categoryName, score: h.handedness[k][0].score,
      })),
      poseWrists: p.landmarks.length ? { left: wrist(${POSE_LEFT_WRIST}), right: wrist(${POSE_RIGHT_WRIST}) } : null,
    };
  },
};
window.recorderReady = true;
</script>`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: string | null = null;
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    if (url.pathname === '/video.mp4') file = videoPath;
    else if (url.pathname === '/hand.task') file = handModelPath;
    else if (url.pathname === '/pose.task') file = poseModelPath;
    else if (url.pathname.startsWith('/tasks-vision/')) {
      const candidate = resolve(tasksVisionDir, '.' + url.pathname.slice('/tasks-vision'.length));
      if (candidate.startsWith(tasksVisionDir + '/')) file = candidate;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function main(): Promise<void> {
  for (const [what, path] of [['video', videoPath], ['hand model', handModelPath], ['pose model', poseModelPath]] as const) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path}: set RIGCAST_SHARED_DIR to the shared data folder`);
  }
  const server = await serve();
  const browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (e) => console.error('[page]', e.message));
    await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await tab.waitForFunction(() => (window as unknown as { recorderReady?: boolean }).recorderReady === true, null, { timeout: 120_000 });
    const info = await tab.evaluate(() => {
      const r = (window as unknown as { recorder: { width: number; height: number; duration: number } }).recorder;
      return { width: r.width, height: r.height, duration: r.duration };
    });
    const count = Math.round(info.duration * FPS);
    console.log(`video ${info.width}×${info.height}, ${info.duration.toFixed(3)} s → ${count} frames`);
    const frames: RawHandFrame[] = [];
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      frames.push(
        await tab.evaluate(
          ([index, fps]) => (window as unknown as { recorder: { frame(i: number, fps: number): Promise<RawHandFrame> } }).recorder.frame(index, fps),
          [i, FPS] as const,
        ),
      );
      if (i % 50 === 0) console.log(`frame ${i}/${count}: ${frames[i].hands.map((h) => `${h.label} ${h.score.toFixed(2)}`).join(', ') || 'no hand'}${frames[i].poseWrists ? ', pose' : ''}`);
    }
    const gz = gzipSync(encodeHandFixture(frames, info.width, info.height, FPS), { level: 9 });
    writeFileSync(outPath, gz);
    const handFrames = frames.filter((f) => f.hands.length > 0).length;
    console.log(`${count} frames (${handFrames} with a hand, ${frames.filter((f) => f.poseWrists).length} with a pose) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outPath} (${(gz.length / 1024).toFixed(1)} KB)`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
