/**
 * What the fixture recorders share: serve `@mediapipe/tasks-vision` (ESM bundle and wasm) from
 * node_modules, one model and one video on a local port, open Debian Chromium, seek to the middle
 * of every frame and run a MediaPipe task on it. No network.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../test/support/chromium';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tasksVisionDir = dirname(require.resolve('@mediapipe/tasks-vision', { paths: [resolve(here, '..')] }));

const MIME: Record<string, string> = {
  '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.mp4': 'video/mp4', '.task': 'application/octet-stream', '.html': 'text/html',
};

/** What to record: the files, and the page code that runs the task. */
export interface VideoRecording {
  videoPath: string;
  modelPath: string;
  /** Frames per second of the video (frame i is sampled at (i + 0.5) / fps). */
  fps: number;
  /**
   * Module code run in the page with `FilesetResolver`, `fileset` and `video` in scope (the
   * model is at `/model.task`). It must define `async function detect(i, timestampMs)` that runs
   * the task on the current frame and returns plain JSON (or null when nothing was found).
   * `vision` is the imported `/tasks-vision/vision_bundle.mjs` module.
   */
  pageCode: string;
}

/** The video's size and one `detect` result per frame. */
export interface RecordedVideo<T> {
  width: number;
  height: number;
  duration: number;
  frames: (T | null)[];
}

const page = (pageCode: string): string => `<!doctype html><meta charset="utf-8"><body><script type="module">
import * as vision from '/tasks-vision/vision_bundle.mjs';
const { FilesetResolver } = vision;
const fileset = await FilesetResolver.forVisionTasks('/tasks-vision/wasm');
const video = document.createElement('video');
video.muted = true; video.playsInline = true; video.preload = 'auto';
document.body.append(video);
video.src = URL.createObjectURL(await (await fetch('/video.mp4')).blob());
await new Promise((ok, fail) => { video.onloadeddata = ok; video.onerror = () => fail(new Error('video failed to load')); });
${pageCode}
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
    return detect(i, (i * 1000) / fps + 1);
  },
};
window.recorderReady = true;
</script>`;

function serve(recording: VideoRecording): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: string | null = null;
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(recording.pageCode));
      return;
    }
    if (url.pathname === '/video.mp4') file = recording.videoPath;
    else if (url.pathname === '/model.task') file = recording.modelPath;
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

/** Runs the recording in headless Chromium and returns every frame's result. */
export async function recordVideoInChromium<T>(recording: VideoRecording): Promise<RecordedVideo<T>> {
  for (const [what, path] of [['video', recording.videoPath], ['model', recording.modelPath]] as const) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path}: set RIGCAST_SHARED_DIR to the shared data folder`);
  }
  const server = await serve(recording);
  const browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (e) => console.error('[page]', e.message));
    await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await tab.waitForFunction(() => (window as unknown as { recorderReady?: boolean }).recorderReady === true, null, { timeout: 60_000 });
    const info = await tab.evaluate(() => {
      const r = (window as unknown as { recorder: { width: number; height: number; duration: number } }).recorder;
      return { width: r.width, height: r.height, duration: r.duration };
    });
    const count = Math.round(info.duration * recording.fps);
    console.log(`video ${info.width}×${info.height}, ${info.duration.toFixed(3)} s → ${count} frames`);
    const frames: (T | null)[] = [];
    for (let i = 0; i < count; i++) {
      frames.push(
        await tab.evaluate(
          ([index, fps]) => (window as unknown as { recorder: { frame(i: number, fps: number): Promise<T | null> } }).recorder.frame(index, fps),
          [i, recording.fps] as const,
        ),
      );
      if (i % 50 === 0) console.log(`frame ${i}/${count}`);
    }
    return { ...info, frames };
  } finally {
    await browser.close();
    server.close();
  }
}
