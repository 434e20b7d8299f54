import type { Hub } from '@rigcast/hub';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { HAS_SHARED_DATA, SHARED_SKIP_REASON, sharedPath } from './support/sharedData';
import {
  delay,
  ensureTrackerBuilt,
  FrameCollector,
  openTracker,
  rollEpisodes,
  startTrackerHub,
  type ReceivedFrame,
  type RollEpisode,
} from './tracker-harness';

/** How long frames are measured once they flow: more than one 10.8 s loop of the clip. */
const WINDOW_MS = 20_000;
/** After a single hub restarts, the tracker publishes to it again within this of it listening (issue #11). */
const RESTART_RESUME_MS = 3000;
/** Model download, wasm compile and camera start, on a busy 2-core machine. */
const FIRST_FRAMES_TIMEOUT_MS = 60_000;
const MIN_FPS = 10;
/**
 * This machine has no GPU: Chromium's default GPU compositing then runs on SwiftShader and costs
 * more CPU than the tracking itself (measured: 3–6 fps with it, 12–16 fps without, under the same
 * load). A real browser with a GPU composites on the GPU; the page's code is the same either way.
 */
const CHROMIUM_ARGS = ['--disable-gpu-compositing'];
/** DATA.md: the eye line is 34–42° from horizontal in both roll segments; ±20° leaves room for filtering and sampling. */
const ROLL_THRESHOLD_DEG = 20;
/** selfie.mp4 is 325 frames at 30 fps, and loops. */
const CLIP_FPS = 30;
const CLIP_LOOP_MS = (325 / CLIP_FPS) * 1000;
/**
 * Where the clip's roll is past ±20°, in frames: DATA.md's segments are 66–100 and 140–170 at full
 * tilt, and the head passes 20° on its way in and out. These spans are what FaceSolver gives on
 * the recorded fixture of the same clip (packages/solver/fixtures), mirror on.
 */
const POSITIVE_ROLL_FRAMES = [45, 105] as const;
const NEGATIVE_ROLL_FRAMES = [133, 182] as const;
/**
 * Centre to centre, the positive segment comes 2.75 s before the negative one, and the negative
 * one 8.1 s before the next loop's positive one. If the sign were wrong the two gaps would swap,
 * which the min/max check alone would not notice.
 */
const POSITIVE_TO_NEGATIVE_MS =
  (((NEGATIVE_ROLL_FRAMES[0] + NEGATIVE_ROLL_FRAMES[1]) / 2 - (POSITIVE_ROLL_FRAMES[0] + POSITIVE_ROLL_FRAMES[1]) / 2) / CLIP_FPS) * 1000;
const NEGATIVE_TO_POSITIVE_MS = CLIP_LOOP_MS - POSITIVE_TO_NEGATIVE_MS;
/** Episodes seen through a filter in a sampled, loaded pipeline have blurred edges. */
const GAP_SLACK_MS = 1000;
/** Frames past the threshold less than this apart belong to one segment. */
const EPISODE_MERGE_MS = 1000;

function framesPerSecond(frames: readonly ReceivedFrame[]): number {
  const span = frames.at(-1)!.arrivalMs - frames[0].arrivalMs;
  return ((frames.length - 1) * 1000) / span;
}

function expectStrictlyIncreasingSeq(frames: readonly ReceivedFrame[]): void {
  const backwards = frames.findIndex((frame, i) => i > 0 && frame.seq <= frames[i - 1].seq);
  expect(backwards, `seq went from ${frames[backwards - 1]?.seq} to ${frames[backwards]?.seq}`).toBe(-1);
}

describe.skipIf(!HAS_SHARED_DATA)('tracker page → hub → viewer (real Chromium, MediaPipe, selfie clip)', () => {
  let hub: Hub;
  let browser: Browser | undefined;
  const collectors: FrameCollector[] = [];

  beforeAll(async () => {
    await ensureTrackerBuilt();
    // /models/ serves the face model and, for the ?video= test, the clip itself.
    hub = await startTrackerHub({ modelsDirs: [sharedPath('models'), sharedPath('media/face')] });
  });

  afterAll(async () => {
    for (const collector of collectors) collector.close();
    await browser?.close();
    await hub?.close();
  });

  it(`publishes ≥ ${MIN_FPS} fps from the fake camera, with strictly increasing seq and the clip's roll, in order`, async () => {
    browser = await launchChromium({ fakeCameraFile: sharedPath('media/face/selfie-640.mjpeg'), args: CHROMIUM_ARGS });
    const viewer = new FrameCollector(hub, 'e2e');
    collectors.push(viewer);
    await viewer.connected();
    const { page, pageErrors } = await openTracker(browser, `${hub.url}/tracker/?room=e2e&key=${hub.publishKey}&autostart=1`);

    await viewer.waitForFrames(5, FIRST_FRAMES_TIMEOUT_MS, page);
    const windowStart = viewer.frames.length;
    await delay(WINDOW_MS);
    const frames = viewer.frames.slice(windowStart);
    const received = viewer.frames.length;
    const state = await page.evaluate(() => window.rigcastTracker.state());
    await page.context().close();

    expect(pageErrors).toEqual([]);
    expect(viewer.decodeErrors).toEqual([]);
    expect(state).toMatchObject({ status: 'running', input: 'camera', connection: 'connected', error: '', hubError: '' });
    // Every frame the viewer got was sent; the hub may drop some (latest-wins), never invent any.
    expect(state.framesSent).toBeGreaterThanOrEqual(received);
    expect(state.delegate).toMatch(/^(CPU|GPU)$/);
    expect(state.rttMs).toBeGreaterThan(0);
    const fps = framesPerSecond(frames);
    const latencies = frames.map((frame) => frame.latencyMs).sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);
    console.log(
      `tracker e2e: ${frames.length} frames in ${(WINDOW_MS / 1000).toFixed(0)} s = ${fps.toFixed(1)} fps at the viewer; ` +
        `capture → viewer latency median ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms; ` +
        `inference ${state.inferenceMs.toFixed(1)} ms (${state.delegate}, ${state.thread}), solve ${state.solveMs.toFixed(3)} ms, rtt ${state.rttMs.toFixed(1)} ms`,
    );

    expect(fps).toBeGreaterThanOrEqual(MIN_FPS);
    expectStrictlyIncreasingSeq(viewer.frames);

    const rolls = frames.map((frame) => frame.rollDeg);
    expect(Math.max(...rolls)).toBeGreaterThanOrEqual(ROLL_THRESHOLD_DEG);
    expect(Math.min(...rolls)).toBeLessThanOrEqual(-ROLL_THRESHOLD_DEG);

    // Within a loop the positive segment (66–100) comes shortly before the negative one (140–170).
    // An episode cut by the start or end of the window has a shifted centre: leave those out.
    const firstTime = frames[0].time;
    const lastTime = frames.at(-1)!.time;
    const episodes = rollEpisodes(frames, ROLL_THRESHOLD_DEG, EPISODE_MERGE_MS).filter(
      (episode) => episode.startMs - firstTime > EPISODE_MERGE_MS && lastTime - episode.endMs > EPISODE_MERGE_MS,
    );
    const centre = (episode: RollEpisode) => (episode.startMs + episode.endMs) / 2;
    const gaps = episodes.slice(1).map((episode, i) => ({ from: episodes[i].sign, ms: centre(episode) - centre(episodes[i]) }));
    console.log(
      `roll episodes (sign @ start s, length s): ${episodes
        .map((e) => `${e.sign > 0 ? '+' : '−'} @ ${((e.startMs - firstTime) / 1000).toFixed(1)}, ${((e.endMs - e.startMs) / 1000).toFixed(1)}`)
        .join(' | ')}; centre gaps s: ${gaps.map((g) => (g.ms / 1000).toFixed(2)).join(', ')}`,
    );
    const positiveToNegative = gaps.filter((gap) => gap.from === 1);
    expect(positiveToNegative.length).toBeGreaterThanOrEqual(1);
    for (const gap of gaps) {
      const expected = gap.from === 1 ? POSITIVE_TO_NEGATIVE_MS : NEGATIVE_TO_POSITIVE_MS;
      expect(Math.abs(gap.ms - expected), `gap after a ${gap.from > 0 ? 'positive' : 'negative'} episode: ${gap.ms.toFixed(0)} ms`).toBeLessThan(GAP_SLACK_MS);
    }
  });

  it('plays a ?video= file through the same pipeline, and the mirror control flips the roll', async () => {
    browser ??= await launchChromium({ args: CHROMIUM_ARGS });
    const viewer = new FrameCollector(hub, 'video');
    collectors.push(viewer);
    await viewer.connected();
    const { page, pageErrors } = await openTracker(
      browser,
      `${hub.url}/tracker/?room=video&key=${hub.publishKey}&autostart=1&video=../models/selfie.mp4`,
    );
    await viewer.waitForFrames(5, FIRST_FRAMES_TIMEOUT_MS, page);
    const started = await page.evaluate(() => window.rigcastTracker.state());
    expect(started).toMatchObject({ status: 'running', input: 'file', error: '', modelProgress: 1 });
    // The pipeline's one source, the face, reports its own figures.
    expect(started.sources.face).toMatchObject({ status: 'ready', enabled: true, modelProgress: 1, thread: 'worker' });
    expect(started.sources.face.inferenceMs).toBeGreaterThan(0);
    expect(started.sources.face.tracking).toMatch(/^(tracking|holding|lost)$/);

    // The overlay draws the face's landmarks, and the HUD shows the figures.
    const overlayPixels = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#overlay')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
      return { drawn, width: canvas.width, height: canvas.height };
    });
    expect(overlayPixels).toMatchObject({ width: 1080, height: 720 });
    expect(overlayPixels.drawn).toBeGreaterThan(1000);
    await page.waitForFunction(() => Number(document.querySelector('#hud dd[data-field="sent"]')?.textContent) > 0);
    expect(await page.locator('#hud dd[data-field="model"]').innerText()).toBe('loaded');
    expect(await page.locator('#hud dd[data-field="inference"]').innerText()).toMatch(/^\d+\.\d ms$/);

    // Mirror on (the default): the clip's first roll segment (66–100) reads positive.
    expect(await firstRollSignAfter(page, viewer, UPRIGHT_BEFORE_FIRST_ROLL_S)).toBe(1);
    await page.locator('#mirror').uncheck();
    expect(await page.locator('#preview').getAttribute('class')).not.toContain('mirrored');
    expect(await firstRollSignAfter(page, viewer, UPRIGHT_BEFORE_FIRST_ROLL_S)).toBe(-1);

    expect(pageErrors).toEqual([]);
    expectStrictlyIncreasingSeq(viewer.frames);
    await page.context().close();
  });
});

describe.skipIf(!HAS_SHARED_DATA)('tracker page: inference on the page\'s thread', () => {
  it('works without the worker too (the fallback when a browser cannot run it)', async () => {
    await ensureTrackerBuilt();
    const hub = await startTrackerHub({ modelsDirs: [sharedPath('models'), sharedPath('media/face')] });
    const browser = await launchChromium({ args: CHROMIUM_ARGS });
    const viewer = new FrameCollector(hub, 'main-thread');
    try {
      await viewer.connected();
      const { page, pageErrors } = await openTracker(
        browser,
        `${hub.url}/tracker/?room=main-thread&key=${hub.publishKey}&autostart=1&thread=main&video=../models/selfie.mp4`,
      );
      await viewer.waitForFrames(10, FIRST_FRAMES_TIMEOUT_MS, page);
      const state = await page.evaluate(() => window.rigcastTracker.state());
      expect(state).toMatchObject({ status: 'running', thread: 'main', delegate: 'CPU', error: '' });
      expect(state.inferenceMs).toBeGreaterThan(0);
      expect(pageErrors).toEqual([]);
      expectStrictlyIncreasingSeq(viewer.frames);
    } finally {
      viewer.close();
      await browser.close();
      await hub.close();
    }
  });
});

/** Frame 20 of the clip: upright and near frontal, 0.8 s before the roll first passes 20° (frame 45). */
const UPRIGHT_BEFORE_FIRST_ROLL_S = 20 / CLIP_FPS;
/** Lets frames from before the seek drain and the filters settle on the upright head. */
const SEEK_SETTLE_MS = 300;

/**
 * Seeks the page's video to `seconds` and returns the sign of the first clear roll (|roll| ≥ the
 * threshold) the viewer receives after that.
 */
async function firstRollSignAfter(page: Page, viewer: FrameCollector, seconds: number): Promise<number> {
  await page.evaluate(async (time) => {
    const video = document.querySelector('video')!;
    const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    video.currentTime = time;
    await seeked;
  }, seconds);
  const from = performance.now() + SEEK_SETTLE_MS;
  const deadline = from + 5000;
  for (;;) {
    const frame = viewer.frames.find((f) => f.arrivalMs > from && Math.abs(f.rollDeg) >= ROLL_THRESHOLD_DEG);
    if (frame) return Math.sign(frame.rollDeg);
    if (performance.now() > deadline) throw new Error(`no roll past ±${ROLL_THRESHOLD_DEG}° within 5 s of seeking to ${seconds} s`);
    await delay(50);
  }
}

describe.skipIf(!HAS_SHARED_DATA)('tracker page: hub restarts', () => {
  let pageHub: Hub;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await ensureTrackerBuilt();
    pageHub = await startTrackerHub({ modelsDirs: [sharedPath('models'), sharedPath('media/face')] });
  });

  afterAll(async () => {
    await browser?.close();
    await pageHub?.close();
  });

  it('re-joins its room after the hub restarts, and seq carries on', async () => {
    const key = 'restart-key';
    const first = await startTrackerHub({ publishKey: key });
    const { port, url } = first;
    browser = await launchChromium({ args: CHROMIUM_ARGS });
    const before = new FrameCollector(first, 'restart');
    await before.connected();
    const { page, pageErrors } = await openTracker(
      browser,
      `${pageHub.url}/tracker/?room=restart&key=${key}&hub=${encodeURIComponent(url)}&autostart=1&video=../models/selfie.mp4`,
    );
    let second: Hub | undefined;
    try {
      await before.waitForFrames(10, FIRST_FRAMES_TIMEOUT_MS, page);
      before.close();
      await first.close();
      await page.waitForFunction(() => window.rigcastTracker.state().connection !== 'connected', null, { timeout: 10_000 });
      second = await startTrackerHub({ port, publishKey: key });
      const listeningAt = performance.now();
      const after = new FrameCollector(second, 'restart');
      await after.connected();
      await after.waitForFrames(1, FIRST_FRAMES_TIMEOUT_MS, page);
      // The issue's bound for a single hub's restart: the tracker's frames flow again within 3 s of it listening.
      expect(after.frames[0].arrivalMs - listeningAt).toBeLessThan(RESTART_RESUME_MS);
      await after.waitForFrames(10, FIRST_FRAMES_TIMEOUT_MS, page);
      after.close();
      expect(after.frames[0].seq).toBeGreaterThan(before.frames.at(-1)!.seq);
      expectStrictlyIncreasingSeq(after.frames);
      expect(await page.evaluate(() => window.rigcastTracker.state())).toMatchObject({ connection: 'connected', hubError: '' });
      expect(pageErrors).toEqual([]);
    } finally {
      await page.context().close();
      await second?.close();
    }
  });
});

describe.skipIf(HAS_SHARED_DATA)('tracker page end to end', () => {
  it.skip(SHARED_SKIP_REASON, () => {});
});
