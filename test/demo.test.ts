import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HUB_DEFAULTS, createHub, type Hub } from '@rigcast/hub';
import { createNeutralFrame, decodeFrame, encodeFrame, readRecording } from '@rigcast/protocol';
import type { Browser, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TestPublisher,
  countDifferentPixels,
  ensureAvatarBuilt,
  multiplyQuat,
  openAvatar,
  readAvatar,
  screenshotPixels,
  type Pixels,
  type Region,
} from './avatar-harness';
import { finished, waitForOutput } from './support/childOutput';
import { launchChromium } from './support/chromium';
import { APP_BUILD_DIRS } from './support/ensureAppBuilt';
import { REPO_ROOT, sharedPath } from './support/sharedData';
import { rollDegrees } from './tracker-harness';

// The demo performance a newcomer without a camera sees: `rigcast-hub --demo` plays it into a
// room for every avatar page, and the avatar page's Demo button plays it on that page alone.

const HUB_CLI = resolve(REPO_ROOT, 'packages/hub/src/cli.ts');
const FROM_SOURCE = ['--conditions=@rigcast/source', '--import', 'tsx'];
/** Where the README's screenshot is written (copied into docs/images by hand). */
const ARTIFACTS = resolve(REPO_ROOT, 'test/.artifacts');
/** Where a test tracker's seq numbers start: far above the demo's (297–914). */
const LIVE_SEQ = 1_000_000;
/** The demo's head rolls about ±35°: the avatar must show most of it. */
const MIN_ROLL_DEG = 20;
/** The demo's mouth shapes go from about 0.1 to 0.85, its blinks to 1. */
const MIN_MOUTH_RANGE = 0.3;
const MIN_BLINK = 0.9;

/** The extremes of what the avatar showed while {@link recordMotion} ran. */
interface Motion {
  /** Head roll (neck and head together), degrees; positive leans the top of the head toward −X. */
  roll: { min: number; max: number };
  /** The most any mouth shape (jaw, pucker, smile, press…) was on, lowest and highest. */
  mouth: { min: number; max: number };
  blink: { max: number };
  /** The `seq` of every frame the page showed. */
  seqs: number[];
}

/**
 * Starts recording, inside the page on every animation frame (so a page that draws a few times a
 * second misses nothing the test would), the extremes of the head roll, the mouth and the blink as
 * the model shows them, and the frames it showed. `read()` reads them so far; `stop()` stops too.
 */
async function recordMotion(page: Page): Promise<{ read(): Promise<Motion>; stop(): Promise<Motion> }> {
  await page.evaluate(() => {
    const motion = { roll: { min: Infinity, max: -Infinity }, mouth: { min: Infinity, max: -Infinity }, blink: { max: 0 }, seqs: [] as number[], stop: false };
    (window as unknown as { motion: typeof motion }).motion = motion;
    const sample = () => {
      if (motion.stop) return;
      const vrm = window.rigcast.vrm;
      const neck = vrm?.humanoid.getNormalizedBoneNode('neck')?.quaternion;
      const head = vrm?.humanoid.getNormalizedBoneNode('head')?.quaternion;
      if (vrm && neck && head) {
        const q = neck.clone().multiply(head);
        const roll = (Math.atan2(2 * (q.x * q.y + q.w * q.z), 1 - 2 * (q.y * q.y + q.z * q.z)) * 180) / Math.PI;
        motion.roll.min = Math.min(motion.roll.min, roll);
        motion.roll.max = Math.max(motion.roll.max, roll);
        let mouth = 0;
        let blink = 0;
        for (const expression of vrm.expressionManager?.expressions ?? []) {
          if (/^(jaw|mouth)/.test(expression.expressionName)) mouth = Math.max(mouth, expression.weight);
          if (/^eyeBlink/.test(expression.expressionName)) blink = Math.max(blink, expression.weight);
        }
        motion.mouth.min = Math.min(motion.mouth.min, mouth);
        motion.mouth.max = Math.max(motion.mouth.max, mouth);
        motion.blink.max = Math.max(motion.blink.max, blink);
      }
      const seq = window.rigcast.state().frames.lastSeq;
      if (seq !== null && seq !== motion.seqs.at(-1)) motion.seqs.push(seq);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  const read = (stop: boolean) =>
    page.evaluate((stopping) => {
      const { motion } = window as unknown as { motion: Motion & { stop: boolean } };
      motion.stop ||= stopping;
      return motion;
    }, stop);
  return { read: () => read(false), stop: () => read(true) };
}

/** The seq of every frame of the shipped demo performance. */
function demoSeqs(): Set<number> {
  const { frames } = readRecording(readFileSync(resolve(REPO_ROOT, 'packages/hub/models/rigcast-demo.rig')));
  return new Set(frames.map((frame) => decodeFrame(frame.bytes).seq));
}

let browser: Browser;
beforeAll(async () => {
  await ensureAvatarBuilt();
  browser = await launchChromium({ args: ['--disable-gpu-compositing'] });
});
afterAll(() => browser?.close());

describe('rigcast-hub --demo (the hub CLI as a child process, with the avatar page in Chromium)', () => {
  let hub: ChildProcess;
  afterAll(() => {
    if (hub?.exitCode === null) hub.kill('SIGKILL');
  });

  it('moves the avatar\'s head and mouth, with no tracker and no camera', async () => {
    hub = spawn(
      process.execPath,
      [...FROM_SOURCE, HUB_CLI, '--demo', '--offline', '--allow-missing-apps', '--avatar-dir', APP_BUILD_DIRS.avatar, '--models-dir', resolve(REPO_ROOT, 'models')],
      { env: { ...process.env, PORT: '0', RIGCAST_MODELS_DIR: sharedPath('models') }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = finished(hub);
    const banner = await waitForOutput(hub, /Press Ctrl\+C/);
    expect(banner).toMatch(/Demo: the demo performance plays into room main in a loop/);
    const avatarUrl = new URL(/(http:\/\/\S+\/avatar\/\S+)/.exec(banner)![1]);
    const { page, errors } = await openAvatar(browser, { url: avatarUrl.origin }, { room: avatarUrl.searchParams.get('room')!, bg: 'd8e4f0' }, { width: 640, height: 720 });
    await page.waitForFunction(() => window.rigcast.state().frames.received > 20, undefined, { timeout: 30_000 });

    // Until the avatar has shown a roll to each side (a screenshot of each), the mouth and a
    // blink, or two loops of the performance (22.5 s each) have gone by: each roll lasts about a
    // second, and a slow page samples it a few times a second.
    const recording = await recordMotion(page);
    const shots: { rollDeg: number; pixels: Pixels; png: Buffer }[] = [];
    const end = performance.now() + 46_000;
    const seenEnough = (m: Motion) => shots.length === 2 && m.mouth.max - m.mouth.min > MIN_MOUTH_RANGE && m.blink.max > MIN_BLINK;
    while (performance.now() < end && !seenEnough(await recording.read())) {
      const r = await readAvatar(page);
      const rollDeg = rollDegrees(multiplyQuat(r.bones.neck!, r.bones.head!));
      if (Math.abs(rollDeg) > MIN_ROLL_DEG && !shots.some((shot) => Math.sign(shot.rollDeg) === Math.sign(rollDeg))) {
        const png = await page.screenshot();
        shots.push({ rollDeg, png, pixels: await screenshotPixels(page) });
      }
      await page.waitForTimeout(50);
    }
    const motion = await recording.stop();
    const state = await readAvatar(page);
    await page.close();
    hub.kill('SIGTERM');
    expect((await exited).code).toBe(0);

    const { roll, mouth, blink } = motion;
    console.log(
      `--demo on the avatar page: ${state.frames.received} frames; head roll ${roll.min.toFixed(1)}° … ${roll.max.toFixed(1)}°, ` +
        `mouth shapes ${mouth.min.toFixed(2)} … ${mouth.max.toFixed(2)}, blink up to ${blink.max.toFixed(2)}`,
    );
    expect(errors).toEqual([]);
    expect(state.demo.state).toBe('off'); // the frames came from the hub, not the page's own demo
    expect(state.frames.received).toBeGreaterThan(150);
    expect(roll.max).toBeGreaterThan(MIN_ROLL_DEG);
    expect(roll.min).toBeLessThan(-MIN_ROLL_DEG);
    // The clip's subject purses, presses and smiles more than she opens her mouth.
    expect(mouth.max - mouth.min).toBeGreaterThan(MIN_MOUTH_RANGE);
    expect(blink.max).toBeGreaterThan(MIN_BLINK);

    // The two rolls look different: the head moved on screen, not only in the model.
    expect(shots).toHaveLength(2);
    const { width, height } = shots[0].pixels;
    const head: Region = { x: width * 0.25, y: 0, width: width * 0.5, height: height * 0.5 };
    expect(countDifferentPixels(shots[0].pixels, shots[1].pixels, head)).toBeGreaterThan(2000);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(resolve(ARTIFACTS, 'demo-performance.png'), shots.find((shot) => shot.rollDeg > 0)!.png);
  });
});

describe("the avatar page's Demo button", () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await createHub({ port: 0, appsDirs: APP_BUILD_DIRS, modelsDirs: [resolve(REPO_ROOT, 'models'), ...HUB_DEFAULTS.modelsDirs] });
  });
  afterAll(() => hub?.close());

  it('plays the demo on that page alone, sets the hub aside while it plays, and stops', async () => {
    const others: number[] = [];
    const viewer = io(hub.url, { transports: ['websocket'], auth: { room: 'quiet', role: 'viewer' }, forceNew: true });
    viewer.on('frame', () => others.push(performance.now()));
    const { page, errors } = await openAvatar(browser, hub, { room: 'quiet' });
    const button = page.locator('#rigcast-demo');
    try {
      // Nothing live: the button offers the demo.
      await expect.poll(() => button.isVisible()).toBe(true);
      expect(await button.innerText()).toBe('▶ Demo');
      await button.click();
      await page.waitForFunction(() => window.rigcast.state().demo.state === 'playing', undefined, { timeout: 10_000 });
      expect(await button.innerText()).toBe('■ Stop the demo');

      // A tracker starts publishing into the room: the page keeps to the demo.
      // Its seq numbers start far above the demo's, so the page's lastSeq tells whose frame it shows.
      const publisher = new TestPublisher(hub, 'quiet');
      await publisher.connected();
      let liveSeq = LIVE_SEQ;
      const live = setInterval(() => publisher.sendBytes(encodeFrame(createNeutralFrame(++liveSeq, Date.now()))), 1000 / 30);
      // The demo starts from its beginning: both rolls come within its first 7 s.
      const recording = await recordMotion(page);
      const until = performance.now() + 12_000;
      const rolledBothWays = (m: Motion) => m.roll.max > MIN_ROLL_DEG && m.roll.min < -MIN_ROLL_DEG;
      while (performance.now() < until && !rolledBothWays(await recording.read())) await page.waitForTimeout(200);
      const motion = await recording.stop();
      const { roll } = motion;
      console.log(`Demo button: ${motion.seqs.length} frames shown, head roll ${roll.min.toFixed(1)}° … ${roll.max.toFixed(1)}°`);
      expect(roll.max).toBeGreaterThan(MIN_ROLL_DEG);
      expect(roll.min).toBeLessThan(-MIN_ROLL_DEG);
      const demo = demoSeqs();
      expect(motion.seqs.filter((seq) => !demo.has(seq))).toEqual([]);

      // Stopped, the page follows the room's tracker again, and the button hides while it streams.
      await button.click();
      await expect.poll(async () => (await readAvatar(page)).frames.lastSeq!, { timeout: 10_000 }).toBeGreaterThan(LIVE_SEQ);
      expect((await readAvatar(page)).demo.state).toBe('off');
      await expect.poll(() => button.isVisible()).toBe(false);
      clearInterval(live);
      publisher.close();
      // The demo never reached the hub: the room's other viewer got only the tracker's frames.
      expect(others.length).toBeLessThanOrEqual(liveSeq - LIVE_SEQ);
      expect(errors).toEqual([]);
    } finally {
      viewer.disconnect();
      await page.close();
    }
  });

  it('never shows in OBS, where ?demo=1 plays the demo', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => Object.assign(window, { obsstudio: { pluginVersion: 'test' } }));
    await page.goto(`${hub.url}/avatar/?room=obs&demo=1`);
    await page.waitForFunction(() => window.rigcast?.state().demo.state === 'playing', undefined, { timeout: 30_000 });
    await page.waitForFunction(() => window.rigcast.state().frames.received > 3, undefined, { timeout: 20_000 });
    expect(await page.locator('#rigcast-demo').isVisible()).toBe(false);
    await page.close();
  });
});
