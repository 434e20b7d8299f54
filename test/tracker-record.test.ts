import { readFileSync } from 'node:fs';
import type { Hub } from '@rigcast/hub';
import { decodeFrame, readRecording } from '@rigcast/protocol';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { HAS_SHARED_DATA, sharedPath } from './support/sharedData';
import { delay, ensureTrackerBuilt, openTracker, startTrackerHub } from './tracker-harness';

// The tracker's Record button: the frames it sends, recorded in the page and downloaded as a .rig.

const RECORD_MS = 4000;

describe.skipIf(!HAS_SHARED_DATA)("the tracker's Record button (real Chromium, MediaPipe, selfie clip)", () => {
  let hub: Hub;
  let browser: Browser;
  let viewer: Socket;
  const seen = new Map<number, number[]>();

  beforeAll(async () => {
    await ensureTrackerBuilt();
    hub = await startTrackerHub({ modelsDirs: [sharedPath('models'), sharedPath('media/face')] });
    browser = await launchChromium({ args: ['--disable-gpu-compositing'] });
    viewer = io(hub.url, { transports: ['websocket'], auth: { room: 'rec', role: 'viewer' }, forceNew: true });
    viewer.on('frame', (bytes: Uint8Array) => {
      const copy = new Uint8Array(bytes);
      seen.set(decodeFrame(copy).seq, Array.from(copy));
    });
  });
  afterAll(async () => {
    viewer?.disconnect();
    await browser?.close();
    await hub?.close();
  });

  it('records the frames the tracker sends and downloads them as a recording', async () => {
    const { page, pageErrors } = await openTracker(browser, `${hub.url}/tracker/?room=rec&key=${hub.publishKey}&autostart=1&video=../models/selfie.mp4`);
    await page.waitForFunction(() => window.rigcastTracker.state().framesSent > 5, undefined, { timeout: 120_000 });
    const record = page.locator('#record');
    expect(await record.innerText()).toBe('Record');
    await record.click();
    expect(await record.innerText()).toBe('Stop recording');
    await delay(RECORD_MS);
    await page.waitForFunction(() => window.rigcastTracker.state().recording.frames > 10);
    expect(await page.locator('#hud dd[data-field="recording"]').innerText()).toMatch(/^● 0:0\d · \d+ frames · \d+ kB$/);
    const [download] = await Promise.all([page.waitForEvent('download'), record.click()]);
    const state = await page.evaluate(() => window.rigcastTracker.state());
    expect(await record.innerText()).toBe('Record');
    expect(state.recording.active).toBe(false);
    expect(download.suggestedFilename()).toMatch(/^rigcast-rec-\d{8}-\d{6}\.rig$/);

    const recording = readRecording(readFileSync((await download.path())!));
    const seqs = recording.frames.map((frame) => decodeFrame(frame.bytes).seq);
    const span = recording.frames.at(-1)!.arrivalMs - recording.frames[0].arrivalMs;
    console.log(`Record button: ${recording.frames.length} frames over ${(span / 1000).toFixed(1)} s, ${state.recording.bytes} bytes`);
    expect(recording.truncatedTail).toBeNull();
    expect(recording.frames.length).toBeGreaterThan(10);
    expect(span).toBeGreaterThan(RECORD_MS * 0.8);
    // Every frame the tracker sent while recording, in order, none missing…
    expect(seqs.slice(1).every((seq, i) => seq === seqs[i] + 1)).toBe(true);
    // …as the bytes the room's viewers got.
    await delay(500);
    const compared = recording.frames.filter((frame, i) => seen.has(seqs[i]));
    expect(compared.length).toBeGreaterThan(recording.frames.length * 0.8);
    for (const [i, frame] of recording.frames.entries()) if (seen.has(seqs[i])) expect(Array.from(frame.bytes)).toEqual(seen.get(seqs[i]));
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
