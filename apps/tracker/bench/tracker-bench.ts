/**
 * `pnpm bench:tracker`: the tracker page in headless Chromium, fed by Chromium's fake webcam from
 * the shared arm-raise clip (640×480, 30 fps, a person from the chest up with an arm and a hand in
 * view), publishing to a real hub, with a Node viewer and an avatar page in the room.
 *
 * For face only, face + pose, and face + pose + hands it prints the frames per second that reach
 * the viewer, each model's inference time, and the ratio of each fps to face-only fps measured in
 * the same round (the baseline; `RIGCAST_BENCH_ROUNDS`, default 2, `RIGCAST_BENCH_MS` per configuration). Then the latency budget per stage, capture to applied on the avatar.
 * Figures, not pass/fail: the machine is shared, and Chromium has no GPU here (software WebGL).
 */
import type { Hub } from '@rigcast/hub';
import { decodeFrame } from '@rigcast/protocol';
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { ensureAvatarBuilt, openAvatar } from '../../../test/avatar-harness';
import { launchChromium } from '../../../test/support/chromium';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from '../../../test/support/sharedData';
import { ensureTrackerBuilt, openTracker, startTrackerHub } from '../../../test/tracker-harness';
import type { TrackerState } from '../src/ui/TrackerState';

/** Tracking settles (models warm, filters, the pose's gates) before measuring. */
const WARMUP_MS = 6000;
const MEASURE_MS = Number(process.env.RIGCAST_BENCH_MS ?? 10_000);
/**
 * The three configurations are measured in turn this many times, each round with its own face-only
 * baseline: the shared machine's load drifts over minutes, and a ratio within a round sees less of it.
 */
const ROUNDS = Number(process.env.RIGCAST_BENCH_ROUNDS ?? 2);
/** How often the page's stage figures are read during the measurement. */
const STAGE_SAMPLE_MS = 250;
/** The avatar page's figures (render rate and apply cost), after the tracker's. */
const AVATAR_WARMUP_MS = 2000;
const AVATAR_MEASURE_MS = 4000;
/** See test/tracker.e2e.test.ts: without a GPU, Chromium's compositing costs more than tracking. */
const CHROMIUM_ARGS = ['--disable-gpu-compositing'];

/** The three configurations, by URL parameters. */
const CONFIGS = [
  { name: 'face only', params: 'body=off&hands=0' },
  { name: 'face + pose', params: 'body=upper&hands=0' },
  { name: 'face + pose + hands', params: 'body=upper&hands=1' },
] as const;

interface Figures {
  name: string;
  fps: number;
  /** Capture to arrival at the Node viewer, ms: mean, median and p95. */
  captureToViewer: { mean: number; p50: number; p95: number };
  /** The page's stages over the window, mean ms: capture → detect start, detection (all models), solve, encode + send. */
  stages: { queue: number; detect: number; solve: number; send: number };
  state: TrackerState;
  /** How often each model ran, per second: on two cores the pose and the hands take turns. */
  runs: { face: number; pose: number; hands: number };
  avatar: { fps: number; applyMs: number };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value: number, digits = 1) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '–');

async function measure(browser: Browser, hub: Hub, config: (typeof CONFIGS)[number], room: string): Promise<Figures> {
  const arrivals: { at: number; latency: number }[] = [];
  const viewer = io(hub.url, { transports: ['websocket'], auth: { room, role: 'viewer' }, forceNew: true });
  viewer.on('frame', (bytes: Uint8Array) => {
    const at = performance.now();
    arrivals.push({ at, latency: performance.timeOrigin + at - decodeFrame(new Uint8Array(bytes)).time });
  });
  const { page } = await openTracker(browser, `${hub.url}/tracker/?room=${room}&key=${hub.publishKey}&autostart=1&${config.params}`, ['camera']);
  await page.waitForFunction(() => window.rigcastTracker.state().framesSent > 3, undefined, { timeout: 120_000 });
  await delay(WARMUP_MS);
  const before = await page.evaluate(() => window.rigcastTracker.state());
  const from = performance.now();
  // The page's stage figures are moving averages over a few frames: sampled through the window,
  // their mean is the window's, as the viewer's latency is.
  const samples: TrackerState[] = [];
  while (performance.now() - from < MEASURE_MS) {
    await delay(STAGE_SAMPLE_MS);
    samples.push(await page.evaluate(() => window.rigcastTracker.state()));
  }
  const to = performance.now();
  const state = samples[samples.length - 1];
  const mean = (pick: (s: TrackerState) => number) => samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
  const stages = { queue: mean((s) => s.queueMs), detect: mean((s) => s.inferenceMs), solve: mean((s) => s.solveMs), send: mean((s) => s.sendMs) };
  const runsPerSecond = (name: string) => ((state.sources[name].detections - before.sources[name].detections) * 1000) / (to - from);
  const measured = arrivals.filter((a) => a.at >= from && a.at <= to);
  const latencies = measured.map((a) => a.latency).sort((a, b) => a - b);
  // The avatar page last: here its software WebGL would share the CPU with the models' (on a
  // streamer's machine it renders on the GPU, in OBS).
  const avatar = await openAvatar(browser, hub, { room }, { width: 640, height: 480 });
  await delay(AVATAR_WARMUP_MS);
  const avatarBefore = await avatar.page.evaluate(() => window.rigcast.state().render);
  await delay(AVATAR_MEASURE_MS);
  const avatarAfter = await avatar.page.evaluate(() => window.rigcast.state().render);
  viewer.close();
  await avatar.page.close();
  await page.context().close();
  return {
    name: config.name,
    fps: (measured.length * 1000) / (to - from),
    captureToViewer: { mean: latencies.reduce((sum, l) => sum + l, 0) / latencies.length, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    stages,
    state,
    runs: { face: runsPerSecond('face'), pose: runsPerSecond('pose'), hands: runsPerSecond('hands') },
    avatar: {
      fps: ((avatarAfter.frames - avatarBefore.frames) * 1000) / AVATAR_MEASURE_MS,
      applyMs: (avatarAfter.applyMsTotal - avatarBefore.applyMsTotal) / Math.max(1, avatarAfter.applyCount - avatarBefore.applyCount),
    },
  };
}

async function main(): Promise<void> {
  if (!HAS_SHARED_DATA) {
    console.log(`bench:tracker skipped: ${SHARED_SKIP_REASON}`);
    return;
  }
  await Promise.all([ensureTrackerBuilt(), ensureAvatarBuilt()]);
  const hub = await startTrackerHub({ modelsDirs: [sharedPath('models'), `${REPO_ROOT}/models`] });
  const browser = await launchChromium({ fakeCameraFile: sharedPath('media/body/arm-raise-thumbs-up-640.mjpeg'), args: CHROMIUM_ARGS });
  try {
    console.log(
      `tracker bench: fake webcam 640×480 from arm-raise-thumbs-up-640.mjpeg, ${WARMUP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured per configuration, ${ROUNDS} round(s)`,
    );
    console.log('\n| round | configuration | fps at the viewer | × face-only (this round) | face: inference, runs/s | pose | hands | solve |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    const rounds: Figures[][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const results: Figures[] = [];
      for (const [i, config] of CONFIGS.entries()) results.push(await measure(browser, hub, config, `bench${round}-${i}`));
      const baseline = results[0].fps;
      for (const r of results) {
        const s = r.state.sources;
        const model = (name: 'face' | 'pose' | 'hands') => (s[name].enabled ? `${ms(s[name].inferenceMs)}, ${r.runs[name].toFixed(1)}/s` : '–');
        console.log(`| ${round} | ${r.name} | ${r.fps.toFixed(1)} | ${(r.fps / baseline).toFixed(2)} | ${model('face')} | ${model('pose')} | ${model('hands')} | ${ms(r.state.solveMs, 2)} |`);
      }
      rounds.push(results);
    }
    const results = rounds[rounds.length - 1];
    console.log('\nLatency budget per stage, last round, means over the measured window (capture → viewer measured per frame at the viewer; the hub leg is what the page\'s stages leave of its mean):');
    console.log('| configuration | capture → detect start | detection (slowest model on the frame) | solve | encode + send | hub + network → viewer | capture → viewer mean / p50 / p95 | viewer receive → applied |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      const { queue, detect, solve, send } = r.stages;
      const renderFrameMs = 1000 / r.avatar.fps;
      console.log(
        `| ${r.name} | ${ms(queue)} | ${ms(detect)} | ${ms(solve, 2)} | ${ms(send, 2)} | ${ms(r.captureToViewer.mean - (queue + detect + solve + send))} | ${ms(r.captureToViewer.mean)} / ${ms(r.captureToViewer.p50)} / ${ms(r.captureToViewer.p95)} | ≤ ${ms(renderFrameMs)} (next render at ${r.avatar.fps.toFixed(0)} fps) + ${ms(r.avatar.applyMs, 3)} apply |`,
      );
    }
    console.log('\nEach model\'s inference is its own worker\'s figure over the frames it ran on; on two cores the face runs every frame and the pose and the hands take turns.');
  } finally {
    await browser.close();
    await hub.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
