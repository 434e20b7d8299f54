/**
 * Records FaceLandmarker results for every frame of a video into a compact fixture.
 *
 *   node --conditions=@rigcast/source --import tsx packages/solver/scripts/record-face-fixture.ts [--image-mode] [video] [out]
 *
 * Defaults: `../shared/media/face/selfie.mp4` → `packages/solver/fixtures/selfie-face.rcff.gz`.
 * `--image-mode` runs FaceLandmarker in IMAGE mode instead of VIDEO mode: every frame is detected
 * on its own, with none of MediaPipe's temporal smoothing (the raw detector noise), and the default
 * output is `fixtures/selfie-face-image-mode.rcff.gz`.
 * It serves `@mediapipe/tasks-vision` (ESM bundle and wasm) from node_modules, the model from
 * `../shared/models/face_landmarker.task` and the video on a local port, opens Debian Chromium,
 * seeks to the middle of each frame and runs FaceLandmarker (VIDEO mode, CPU) on it. No network.
 */
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../../test/support/chromium';
import { sharedPath } from '../../../test/support/sharedData';
import { FACE_LANDMARK_COUNT_WITH_IRIS } from '../src/face/FaceLandmarkIndex';
import { FACE_FIXTURE_LANDMARK_STEP_LOG2, encodeFaceFixture, type RawFaceFrame } from '../src/fixture/FaceFixture';
import { SELFIE_FACE_FIXTURE_PATH, SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH } from '../src/fixture/loadFaceFixture';

const FPS = 30;
const BLENDSHAPE_COUNT = 52;
/** IMAGE-mode landmarks are noisier and compress worse: keep them at 2^11 steps (≈ 0.5 px) to stay small. */
const IMAGE_MODE_LANDMARK_STEP_LOG2 = 11;

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tasksVisionDir = dirname(require.resolve('@mediapipe/tasks-vision', { paths: [resolve(here, '..')] }));
const args = process.argv.slice(2);
const imageMode = args.includes('--image-mode');
const positional = args.filter((a) => !a.startsWith('--'));
const videoPath = resolve(positional[0] ?? sharedPath('media/face/selfie.mp4'));
const outPath = resolve(positional[1] ?? (imageMode ? SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH : SELFIE_FACE_FIXTURE_PATH));
const modelPath = sharedPath('models/face_landmarker.task');

const MIME: Record<string, string> = {
  '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.mp4': 'video/mp4', '.task': 'application/octet-stream', '.html': 'text/html',
};

const page = (runningMode: 'VIDEO' | 'IMAGE'): string => `<!doctype html><meta charset="utf-8"><body><script type="module">
import { FilesetResolver, FaceLandmarker } from '/tasks-vision/vision_bundle.mjs';
const fileset = await FilesetResolver.forVisionTasks('/tasks-vision/wasm');
const landmarker = await FaceLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/model.task', delegate: 'CPU' },
  runningMode: '${runningMode}', numFaces: 1, outputFaceBlendshapes: true, outputFacialTransformationMatrixes: true,
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
window.recorder = {
  width: video.videoWidth, height: video.videoHeight, duration: video.duration,
  async frame(i, fps) {
    await seek((i + 0.5) / fps);
    const r = '${runningMode}' === 'VIDEO' ? landmarker.detectForVideo(video, (i * 1000) / fps + 1) : landmarker.detect(video);
    if (!r.faceLandmarks.length) return null;
    return {
      landmarks: r.faceLandmarks[0].flatMap((p) => [p.x, p.y, p.z]),
      blendshapes: r.faceBlendshapes[0].categories.map((c) => c.score),
      matrix: Array.from(r.facialTransformationMatrixes[0].data),
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
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(imageMode ? 'IMAGE' : 'VIDEO'));
      return;
    }
    if (url.pathname === '/video.mp4') file = videoPath;
    else if (url.pathname === '/model.task') file = modelPath;
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
  for (const [what, path] of [['video', videoPath], ['model', modelPath]] as const) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path}: set RIGCAST_SHARED_DIR to the shared data folder`);
  }
  const server = await serve();
  const browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('[page]', e.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { recorderReady?: boolean }).recorderReady === true, null, { timeout: 60_000 });
    const info = await page.evaluate(() => {
      const r = (window as unknown as { recorder: { width: number; height: number; duration: number } }).recorder;
      return { width: r.width, height: r.height, duration: r.duration };
    });
    const count = Math.round(info.duration * FPS);
    console.log(`${imageMode ? 'IMAGE' : 'VIDEO'} mode, video ${info.width}×${info.height}, ${info.duration.toFixed(3)} s → ${count} frames`);
    const frames: (RawFaceFrame | null)[] = [];
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      frames.push(
        await page.evaluate(
          ([index, fps]) => (window as unknown as { recorder: { frame(i: number, fps: number): Promise<RawFaceFrame | null> } }).recorder.frame(index, fps),
          [i, FPS] as const,
        ),
      );
      if (i % 50 === 0) console.log(`frame ${i}/${count}`);
    }
    const missing = frames.filter((f) => !f).length;
    const packed = encodeFaceFixture(frames, info.width, info.height, FPS, FACE_LANDMARK_COUNT_WITH_IRIS, BLENDSHAPE_COUNT, imageMode ? IMAGE_MODE_LANDMARK_STEP_LOG2 : FACE_FIXTURE_LANDMARK_STEP_LOG2);
    const gz = gzipSync(packed, { level: 9 });
    writeFileSync(outPath, gz);
    console.log(`${count} frames (${missing} without a face) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outPath} (${(gz.length / 1024).toFixed(1)} KB, ${(packed.length / 1024).toFixed(1)} KB before gzip)`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
