/**
 * `pnpm bench:avatar`: the avatar page in headless Chromium at 1280×720, against a real hub.
 * For each model (avocado-vrm0 from ../shared/vrm, and the default avatar when built) it prints:
 * - render fps with no frames (idle motion only): the baseline;
 * - render fps with a publisher streaming varied frames at 60 Hz, and the ratio to the baseline;
 * - the apply cost per rendered frame (interpolate + idle blend + write onto the VRM), measured
 *   inside the page with performance.now(), plus vrm.update() and decode-per-received-frame costs;
 * - a tight-loop timing of writing one pose onto the model with cached lookups against a naive
 *   by-name baseline, and their ratio. That runs in its own page (bench/page/), built here with
 *   Vite and served by Vite's preview server, so the probe never ships in the avatar page.
 * Figures, not pass/fail: the machine is shared and software GL is slow.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hub } from '@rigcast/hub';
import { createNeutralFrame, type RigFrame } from '@rigcast/protocol';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { TestPublisher, ensureAvatarBuilt, openAvatar, startAvatarHub } from '../../../test/avatar-harness';
import { launchChromium } from '../../../test/support/chromium';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON } from '../../../test/support/sharedData';
import { viteFromSource } from '../../../sourceConditions';
import { movingFrame } from './movingFrame';
import type { ApplyMode, AvatarBenchHandle } from './page/AvatarBenchHandle';

declare global {
  interface Window {
    avatarBench: AvatarBenchHandle;
  }
}

const WIDTH = 1280;
const HEIGHT = 720;
const STREAM_HZ = 60;
const WARMUP_MS = 2000;
const MEASURE_MS = Number(process.env.RIGCAST_BENCH_MS ?? 6000);
const TIGHT_LOOP_ITERATIONS = 20_000;
const TIGHT_LOOP_ROUNDS = 5;
const BENCH_PAGE_DIR = resolve(import.meta.dirname, 'page');
const BENCH_PAGE_OUT = resolve(BENCH_PAGE_DIR, 'dist');

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

/** Builds the apply benchmark's page and serves it, with `/models/` passed on to the hub. */
async function serveBenchPage(hub: Hub): Promise<PreviewServer> {
  const config = { ...viteFromSource, root: BENCH_PAGE_DIR, base: './', configFile: false as const, logLevel: 'warn' as const };
  await build({ ...config, build: { outDir: BENCH_PAGE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 } });
  return preview({
    ...config,
    build: { outDir: BENCH_PAGE_OUT },
    preview: { host: '127.0.0.1', port: 0, proxy: { '/models': hub.url } },
  });
}

/** Median ms per pose write on the bench page, cached and naive, over {@link TIGHT_LOOP_ROUNDS} rounds. */
async function timeApply(browser: Browser, server: PreviewServer, model: string): Promise<Record<ApplyMode, number[]>> {
  const page = await browser.newPage();
  try {
    const url = new URL(server.resolvedUrls!.local[0]);
    url.searchParams.set('model', `/models/${model.slice(model.lastIndexOf('/') + 1)}`);
    await page.goto(url.href);
    await page.waitForFunction(() => window.avatarBench?.status !== null, undefined, { timeout: 90_000 });
    const status = await page.evaluate(() => window.avatarBench.status);
    if (status?.startsWith('error:')) throw new Error(`bench page: ${status}`);
    const times: Record<ApplyMode, number[]> = { cached: [], naive: [] };
    for (let round = 0; round < TIGHT_LOOP_ROUNDS; round++) {
      for (const mode of ['cached', 'naive'] as const) {
        times[mode].push(await page.evaluate(([m, n]) => window.avatarBench.timeApply(m, n), [mode, TIGHT_LOOP_ITERATIONS] as const));
      }
    }
    return times;
  } finally {
    await page.close();
  }
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
  const benchPage = await serveBenchPage(hub);
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
      try {
        streaming = await measure(page, publisher);
      } finally {
        stop();
        publisher.close();
      }
      if (errors.length > 0) console.warn(`${name}: page errors: ${errors.join('; ')}`);
      await page.close();
      const { cached, naive } = await timeApply(browser, benchPage, model);

      rows.push(
        `| ${name} | idle, no frames (baseline) | ${fmt(idle.fps, 1)} | ${fmt(idle.applyMs)} | ${fmt(idle.updateMs)} | – | – |`,
        `| ${name} | streaming ${STREAM_HZ} Hz | ${fmt(streaming.fps, 1)} (${fmt(streaming.fps / idle.fps, 2)}× idle) | ${fmt(streaming.applyMs)} | ${fmt(streaming.updateMs)} | ${fmt(streaming.receiveMs)} | ${fmt(streaming.receivedPerSecond, 1)} of ${fmt(streaming.sentPerSecond, 1)} sent |`,
      );
      const c = median(cached);
      const n = median(naive);
      loops.push(`| ${name} | ${fmt(c * 1000, 1)} µs | ${fmt(n * 1000, 1)} µs | ${fmt(n / c, 2)}× |`);
    }
  } finally {
    await browser.close();
    await benchPage.close();
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
