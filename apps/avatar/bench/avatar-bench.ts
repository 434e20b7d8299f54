/**
 * `pnpm bench:avatar`: the avatar page in headless Chromium at 1280×720, against a real hub.
 * For each model (avocado-vrm0 from ../shared/vrm, and the default avatar when built) it prints:
 * - render fps with no frames (idle motion only): the baseline;
 * - render fps with a publisher streaming varied frames at 60 Hz, and the ratio to the baseline;
 * - the apply cost per rendered frame (interpolate + idle blend + write onto the VRM), measured
 *   inside the page with performance.now(), plus vrm.update() and decode-per-received-frame costs;
 * - a tight-loop timing of writing one pose onto the model with cached lookups against a naive
 *   by-name baseline, and their ratio.
 * Figures, not pass/fail: the machine is shared and software GL is slow.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createNeutralFrame, type RigFrame } from '@rigcast/protocol';
import { Euler, Quaternion } from 'three';
import type { Page } from 'playwright-core';
import { TestPublisher, ensureAvatarBuilt, openAvatar, startAvatarHub } from '../../../test/avatar-harness';
import { launchChromium } from '../../../test/support/chromium';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON } from '../../../test/support/sharedData';

const WIDTH = 1280;
const HEIGHT = 720;
const STREAM_HZ = 60;
const WARMUP_MS = 2000;
const MEASURE_MS = Number(process.env.RIGCAST_BENCH_MS ?? 6000);
const TIGHT_LOOP_ITERATIONS = 20_000;
const TIGHT_LOOP_ROUNDS = 5;

interface Sample {
  wallMs: number;
  frames: number;
  applyMsTotal: number;
  applyCount: number;
  updateMsTotal: number;
  receiveMsTotal: number;
  receiveCount: number;
  received: number;
}

interface Figures {
  fps: number;
  /** Frames the publisher sent per second over the same window (NaN when none streams). */
  sentPerSecond: number;
  applyMs: number;
  updateMs: number;
  receiveMs: number;
  receivedPerSecond: number;
}

async function sample(page: Page): Promise<Sample> {
  const s = await page.evaluate(() => window.rigcast.state());
  return { wallMs: performance.now(), ...s.render, received: s.frames.received };
}

async function measure(page: Page, publisher?: TestPublisher): Promise<Figures> {
  await page.waitForTimeout(WARMUP_MS);
  const a = await sample(page);
  const sentBefore = publisher?.sent ?? NaN;
  await page.waitForTimeout(MEASURE_MS);
  const b = await sample(page);
  const sentAfter = publisher?.sent ?? NaN;
  const seconds = (b.wallMs - a.wallMs) / 1000;
  const per = (total: number, count: number) => (count > 0 ? total / count : NaN);
  return {
    fps: (b.frames - a.frames) / seconds,
    sentPerSecond: (sentAfter - sentBefore) / seconds,
    applyMs: per(b.applyMsTotal - a.applyMsTotal, b.applyCount - a.applyCount),
    updateMs: per(b.updateMsTotal - a.updateMsTotal, b.applyCount - a.applyCount),
    receiveMs: per(b.receiveMsTotal - a.receiveMsTotal, b.receiveCount - a.receiveCount),
    receivedPerSecond: (b.received - a.received) / seconds,
  };
}

const _q = new Quaternion();
const _euler = new Euler();

/** A frame that keeps every channel moving: head, lean, gaze, blendshapes, presets and arms. */
function movingFrame(frame: RigFrame, t: number): RigFrame {
  const face = frame.face!;
  const yaw = 0.35 * Math.sin(t * 1.3);
  const pitch = 0.15 * Math.sin(t * 0.9);
  _q.setFromEuler(_euler.set(pitch, yaw, 0, 'YXZ')).toArray(face.head);
  face.headPosition = [0.03 * Math.sin(t), 0, 0.02 * Math.cos(t * 0.7)];
  face.gaze.left.yaw = face.gaze.right.yaw = 0.2 * Math.sin(t * 2.1);
  face.gaze.left.pitch = face.gaze.right.pitch = 0.1 * Math.sin(t * 1.7);
  const wave = 0.5 + 0.5 * Math.sin(t * 3);
  for (const name of Object.keys(face.blendshapes) as (keyof typeof face.blendshapes)[]) face.blendshapes[name] = wave * 0.3;
  face.blendshapes.jawOpen = wave;
  face.expressions.aa = wave;
  face.expressions.blink = Math.sin(t * 0.8) > 0.95 ? 1 : 0;
  face.expressions.happy = 0.5 - 0.5 * Math.cos(t * 0.4);
  const arm = 0.5 * Math.sin(t);
  frame.body = {
    bones: {
      leftUpperArm: [0, 0, -Math.sin(0.6 + arm / 2), Math.cos(0.6 + arm / 2)],
      rightUpperArm: [0, 0, Math.sin(0.6 - arm / 2), Math.cos(0.6 - arm / 2)],
      leftLowerArm: [0, -Math.sin(0.3), 0, Math.cos(0.3)],
      rightLowerArm: [0, Math.sin(0.3), 0, Math.cos(0.3)],
    },
    confidence: { torso: 1, leftArm: 1, rightArm: 1, leftHand: 0, rightHand: 0, leftLeg: 0, rightLeg: 0 },
  };
  return frame;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const fmt = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  if (!HAS_SHARED_DATA) {
    console.log(`bench:avatar skipped: ${SHARED_SKIP_REASON}`);
    return;
  }
  await ensureAvatarBuilt();
  const models = ['../models/avocado-vrm0.vrm'];
  if (existsSync(resolve(REPO_ROOT, 'models/rigcast-default.vrm'))) models.push('../models/rigcast-default.vrm');
  else console.log('(default avatar models/rigcast-default.vrm not built; run pnpm run build to include it)');

  const hub = await startAvatarHub();
  const browser = await launchChromium();
  const rows: string[] = [];
  const loops: string[] = [];
  try {
    for (const [index, model] of models.entries()) {
      const room = `bench-${index}`;
      const { page, errors } = await openAvatar(browser, hub, { room, model }, { width: WIDTH, height: HEIGHT });
      const name = model.slice(model.lastIndexOf('/') + 1);
      const status = await page.evaluate(() => window.rigcast.state().model);
      if (status.error) throw new Error(`${name} did not load: ${status.error}`);

      const idle = await measure(page);

      const publisher = new TestPublisher(hub, room);
      await publisher.connected();
      const frame = createNeutralFrame();
      const start = performance.now();
      const stop = publisher.stream(() => movingFrame(frame, (performance.now() - start) / 1000), STREAM_HZ);
      let streaming: Figures;
      const cached: number[] = [];
      const naive: number[] = [];
      try {
        streaming = await measure(page, publisher);
        for (let round = 0; round < TIGHT_LOOP_ROUNDS; round++) {
          cached.push(await page.evaluate((n) => window.rigcast.timeApply('cached', n), TIGHT_LOOP_ITERATIONS));
          naive.push(await page.evaluate((n) => window.rigcast.timeApply('naive', n), TIGHT_LOOP_ITERATIONS));
        }
      } finally {
        stop();
        publisher.close();
      }
      if (errors.length > 0) console.warn(`${name}: page errors: ${errors.join('; ')}`);

      rows.push(
        `| ${name} | idle, no frames (baseline) | ${fmt(idle.fps, 1)} | ${fmt(idle.applyMs)} | ${fmt(idle.updateMs)} | – | – |`,
        `| ${name} | streaming ${STREAM_HZ} Hz | ${fmt(streaming.fps, 1)} (${fmt(streaming.fps / idle.fps, 2)}× idle) | ${fmt(streaming.applyMs)} | ${fmt(streaming.updateMs)} | ${fmt(streaming.receiveMs)} | ${fmt(streaming.receivedPerSecond, 1)} of ${fmt(streaming.sentPerSecond, 1)} sent |`,
      );
      const c = median(cached);
      const n = median(naive);
      loops.push(`| ${name} | ${fmt(c * 1000, 1)} µs | ${fmt(n * 1000, 1)} µs | ${fmt(n / c, 2)}× |`);
      await page.close();
    }
  } finally {
    await browser.close();
    await hub.close();
  }

  console.log(`\nrigcast avatar page: headless Chromium (software GL, SwiftShader), ${WIDTH}×${HEIGHT}, ${MEASURE_MS / 1000} s per figure\n`);
  console.log('| model | scenario | render fps | apply ms / rendered frame | vrm.update ms | decode + pose ms / received frame | frames received / s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`\nWriting one pose onto the model, tight loop in the page (median of ${TIGHT_LOOP_ROUNDS} × ${TIGHT_LOOP_ITERATIONS}):\n`);
  console.log('| model | cached lookups (the page) | naive by-name lookups (baseline) | naive / cached |');
  console.log('| --- | --- | --- | --- |');
  for (const row of loops) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
