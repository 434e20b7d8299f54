import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHub, type Hub } from '@rigcast/hub';
import { createNeutralFrame, encodeFrame, type RejectedInfo, type RigFrame } from '@rigcast/protocol';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axisAngle,
  multiplyQuat,
  openAvatar,
  quatAngleDeg,
  readAvatar,
  TEST_VRMS,
  TestPublisher,
  useAvatarSuite,
  type AvatarReading,
} from './avatar-harness';
import { APP_BUILD_DIRS } from './support/ensureAppBuilt';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from './support/sharedData';

const STREAM_HZ = 30;
/** After a single hub restarts, the page is back within this of it listening (issue #11). */
const RESTART_RESUME_MS = 3000;
const DEFAULT_AVATAR = resolve(REPO_ROOT, 'models/rigcast-default.vrm');

let roomCounter = 0;
const nextRoom = () => `runtime-${++roomCounter}`;

function state(page: Page): Promise<AvatarReading> {
  return readAvatar(page);
}

function waitFor(page: Page, predicate: () => boolean, timeout = 60_000): Promise<unknown> {
  return page.waitForFunction(predicate, undefined, { timeout, polling: 50 });
}

// The page over time and under trouble: idle motion, bad bytes, rejected publishers, hub
// restarts and OBS hiding the source.
describe.skipIf(!HAS_SHARED_DATA)(`avatar page: idle, bad input, reconnects, OBS${HAS_SHARED_DATA ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
  let hub: Hub;
  let browser: Browser;

  useAvatarSuite((started) => ({ hub, browser } = started));

  async function open(model: string = TEST_VRMS.avocado, extra: Record<string, string> = {}) {
    const room = nextRoom();
    const avatar = await openAvatar(browser, hub, { room, model, ...extra });
    const publisher = new TestPublisher(hub, room);
    await publisher.connected();
    return { ...avatar, room, publisher, close: async () => (publisher.close(), await avatar.page.close()) };
  }

  it('idles before the first frame, and after 1 s without frames; comes back over ~300 ms when frames resume', async () => {
    const { page, publisher, close } = await open();
    try {
      // Before any frame: idle, and breathing moves the chest.
      let s = await state(page);
      expect(s.idle.face.active).toBe(true);
      expect(s.idle.face.weight).toBe(1);
      const chests: number[][] = [];
      for (let i = 0; i < 4; i++) {
        chests.push((await state(page)).bones.chest!);
        await page.waitForTimeout(400);
      }
      const turn = (a: number[], b: number[]) => quatAngleDeg(multiplyQuat([-a[0], -a[1], -a[2], a[3]], b));
      expect(Math.max(...chests.map((c) => turn(chests[0], c)))).toBeGreaterThan(0.05);

      const frame = createNeutralFrame();
      frame.face!.head = axisAngle([0, 1, 0], 20);
      let stop = publisher.stream(() => frame, STREAM_HZ);
      await waitFor(page, () => window.rigcast.state().idle.face.weight === 0);
      expect((await state(page)).idle.face.active).toBe(false);

      // Frames stop: idle again once the newest frame is over a second old, not before.
      stop();
      await waitFor(page, () => window.rigcast.state().idle.face.active);
      s = await state(page);
      expect(s.frames.ageMs).toBeGreaterThanOrEqual(1000);
      expect(s.frames.ageMs).toBeLessThan(2500);
      await waitFor(page, () => window.rigcast.state().idle.face.weight === 1);

      // Frames resume: record the blend weight on every rendered frame. It must fall steadily
      // from 1 (idle; frames have stopped, so it is 1 when recording starts) to 0 over about
      // 300 ms, never in one step.
      const record = page.evaluate(
        () =>
          new Promise<{ start: number; samples: [number, number][] }>((done) => {
            const samples: [number, number][] = [];
            const start = performance.now();
            const tick = (now: number) => {
              samples.push([now, window.rigcast.state().idle.face.weight]);
              if (now - start < 2500) requestAnimationFrame(tick);
              else done({ start, samples });
            };
            requestAnimationFrame(tick);
          }),
      );
      await page.waitForTimeout(100);
      stop = publisher.stream(() => frame, STREAM_HZ);
      const { start, samples } = await record;
      stop();
      const weights = samples.map(([, w]) => w);
      expect(weights[weights.length - 1]).toBe(0);
      for (let i = 1; i < weights.length; i++) expect(weights[i]).toBeLessThanOrEqual(weights[i - 1]);
      const zeroAt = samples.find(([, w]) => w <= 0.02)![0];
      const lastFull = samples.filter(([t, w]) => w >= 0.98 && t < zeroAt).pop()?.[0] ?? start;
      expect(zeroAt - lastFull).toBeGreaterThanOrEqual(200);
    } finally {
      await close();
    }
  });

  it('garbage bytes reaching the frame handler are counted and ignored; the page keeps rendering and applying', async () => {
    const { page, publisher, errors, close } = await open();
    try {
      const valid = encodeFrame(createNeutralFrame(1, 1));
      const garbage: number[][] = [
        [], // empty
        [1, 2, 3], // truncated header
        [0xff, ...Array.from(valid.subarray(1))], // unknown version
        [...valid, 0], // one byte too many
        Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff), // noise, oversized
        [...valid.subarray(0, valid.length - 5)], // truncated face
      ];
      const before = await state(page);
      await page.evaluate((list) => {
        for (const bytes of list) window.rigcast.receive(new Uint8Array(bytes));
        // Not even binary: what a confused relay might send.
        window.rigcast.receive('hello' as unknown as Uint8Array);
        window.rigcast.receive(null as unknown as Uint8Array);
      }, garbage);
      let s = await state(page);
      expect(s.frames.garbage).toBe(before.frames.garbage + garbage.length + 2);
      expect(s.frames.received).toBe(before.frames.received);
      expect(s.frames.lastError).toMatch(/not-binary/);

      // Still rendering, still applying frames.
      await page.waitForFunction((n) => window.rigcast.state().render.frames > n + 2, s.render.frames, { timeout: 30_000 });
      const frame = createNeutralFrame();
      frame.face!.expressions.aa = 1;
      const stop = publisher.stream(() => frame, STREAM_HZ);
      await waitFor(page, () => window.avatarProbe().expressions.aa === 1);
      stop();
      s = await state(page);
      expect(s.frames.received).toBeGreaterThan(before.frames.received);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a publisher the hub rejects does not disturb the page', async () => {
    const { page, publisher, room, errors, close } = await open();
    const rogue = new TestPublisher(hub, room);
    try {
      await rogue.connected();
      const rejected: RejectedInfo[] = [];
      rogue.socket.on('rejected', (info) => rejected.push(info));

      const frame = createNeutralFrame();
      frame.face!.head = axisAngle([0, 1, 0], 30);
      const stop = publisher.stream(() => frame, STREAM_HZ);
      const noise = setInterval(() => rogue.sendBytes(new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9])), 50);
      try {
        await waitFor(page, () => window.rigcast.state().frames.received > 20);
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        clearInterval(noise);
        stop();
      }
      expect(rejected.length).toBeGreaterThan(3);
      const s = await state(page);
      expect(s.frames.garbage).toBe(0);
      expect(s.idle.face.active).toBe(false);
      expect(s.headForward![0]).toBeCloseTo(0.5, 2);
      expect(errors).toEqual([]);
    } finally {
      rogue.close();
      await close();
    }
  });

  it('reconnects and re-joins its room when the hub restarts', async () => {
    const own = await createHub({ port: 0, appsDirs: APP_BUILD_DIRS, modelsDirs: [sharedPath('vrm')] });
    let restarted: Hub | undefined;
    const room = nextRoom();
    const { page } = await openAvatar(browser, own, { room, model: TEST_VRMS.sphere });
    try {
      await waitFor(page, () => window.rigcast.state().connection.state === 'connected');
      expect((await state(page)).connection.joins).toBe(1);
      await own.close();
      await waitFor(page, () => window.rigcast.state().connection.state !== 'connected');

      restarted = await createHub({ port: own.port, publishKey: own.publishKey, appsDirs: APP_BUILD_DIRS, modelsDirs: [sharedPath('vrm')] });
      const listeningAt = performance.now();
      await waitFor(page, () => window.rigcast.state().connection.joins === 2);
      // The issue's bound for a single hub's restart (the hub listens again → the page has re-joined).
      expect(performance.now() - listeningAt).toBeLessThan(RESTART_RESUME_MS);
      const publisher = new TestPublisher(restarted, room);
      await publisher.connected();
      const frame = createNeutralFrame();
      const stop = publisher.stream(() => frame, STREAM_HZ);
      await waitFor(page, () => window.rigcast.state().frames.received > 3);
      stop();
      publisher.close();
      expect((await state(page)).connection.state).toBe('connected');
    } finally {
      await page.close();
      await own.close();
      await restarted?.close();
    }
  });

  it('with a view key: a wrong ?key= is refused with a visible message; the right one connects', async () => {
    const keyed = await createHub({ port: 0, viewKey: 'letmein', appsDirs: APP_BUILD_DIRS, modelsDirs: [sharedPath('vrm')] });
    const wrong = await openAvatar(browser, keyed, { room: 'keyed', model: TEST_VRMS.sphere, key: 'nope', debug: '1' });
    const right = await openAvatar(browser, keyed, { room: 'keyed', model: TEST_VRMS.sphere, key: 'letmein', debug: '1' });
    try {
      await waitFor(wrong.page, () => window.rigcast.state().connection.state === 'refused');
      const refused = await state(wrong.page);
      expect(refused.status).toMatch(/^The hub refused this avatar page: bad-key: the view key is wrong.* To fix: add \?key= with the view key/);
      // The debug overlay shows the same client's detail under its state.
      await waitFor(wrong.page, () => /hub refused\nThe hub refused this avatar page: bad-key/.test(document.getElementById('rigcast-debug')?.textContent ?? ''));
      await waitFor(right.page, () => window.rigcast.state().connection.state === 'connected');
      expect((await state(right.page)).status).toBe('');
      await waitFor(right.page, () => /hub connected {3}rtt \d+\.\d ms\n/.test(document.getElementById('rigcast-debug')?.textContent ?? ''));
    } finally {
      await wrong.page.close();
      await right.page.close();
      await keyed.close();
    }
  });

  it('pauses rendering while OBS hides the source, keeping the connection', async () => {
    const { page, publisher, close } = await open();
    try {
      const frame = createNeutralFrame();
      const stop = publisher.stream(() => frame, STREAM_HZ);
      try {
        await waitFor(page, () => window.rigcast.state().frames.received > 3);
        await page.evaluate(() => window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: false } })));
        await page.waitForTimeout(300);
        const hidden = await state(page);
        expect(hidden.render.paused).toBe(true);
        await page.waitForTimeout(1000);
        const later = await state(page);
        expect(later.render.frames).toBe(hidden.render.frames);
        expect(later.frames.received).toBeGreaterThan(hidden.frames.received);
        expect(later.connection.state).toBe('connected');

        await page.evaluate(() => window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: true } })));
        await waitFor(page, () => !window.rigcast.state().render.paused);
        const drawn = (await state(page)).render.frames;
        await page.waitForFunction((n) => window.rigcast.state().render.frames > n + 2, drawn, { timeout: 30_000 });
      } finally {
        stop();
      }
    } finally {
      await close();
    }
  });

  it.skipIf(!existsSync(DEFAULT_AVATAR))('the default avatar: perfect sync drives ARKit expressions and supersedes the derived presets', async () => {
    const { page, publisher, close } = await open('../models/rigcast-default.vrm');
    try {
      const s0 = await state(page);
      expect(s0.model.error).toBeNull();
      expect(s0.model.perfectSyncCount).toBeGreaterThanOrEqual(40);
      const frame: RigFrame = createNeutralFrame();
      frame.face!.blendshapes.eyeBlinkLeft = 1;
      frame.face!.blendshapes.jawOpen = 0.8;
      frame.face!.expressions.blinkLeft = 1;
      frame.face!.expressions.aa = 0.8;
      const stop = publisher.stream(() => frame, STREAM_HZ);
      // Idle auto-blink also closes eyeBlinkLeft, so wait for the streamed pose itself: frames in,
      // idle fully blended out, and both streamed weights on the model.
      await waitFor(page, () => {
        const s = { ...window.rigcast.state(), ...window.avatarProbe() };
        return s.frames.received > 3 && s.idle.face.weight === 0 && s.expressions.eyeBlinkLeft === 1 && Math.abs((s.expressions.jawOpen ?? 0) - 0.8) < 0.005;
      });
      stop();
      const s = await state(page);
      expect(s.expressions.jawOpen).toBeCloseTo(0.8, 2);
      expect(s.expressions.blinkLeft ?? 0).toBe(0);
      expect(s.expressions.aa ?? 0).toBe(0);
    } finally {
      await close();
    }
  });
});
