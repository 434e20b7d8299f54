import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../codec/decodeFrame';
import { encodeFrame } from '../../codec/encodeFrame';
import { HEADER_BYTES } from '../../codec/FrameLayout';
import { mulberry32, randomFrame } from '../../codec/tests/randomFrames';
import type { RecordedFrame } from '../Recording';
import { RecordingPlayer } from '../RecordingPlayer';
import { ReplaySchedule, type ScheduledFrame } from '../ReplaySchedule';

/** A tracker's stream: seq counting up from 500, capture time on its own clock, arrivals ~33 ms apart. */
function trackerFrames(count: number, stepMs = 33.3): RecordedFrame[] {
  const rand = mulberry32(11);
  return Array.from({ length: count }, (_, i) => {
    const frame = randomFrame(rand, i % 2 ? 20 : 0);
    frame.seq = 500 + i;
    frame.time = 1_700_000_000_000 + i * 33.3;
    return { arrivalMs: 40 + i * stepMs + (i % 3), bytes: encodeFrame(frame) };
  });
}

function take(schedule: ReplaySchedule, count: number): ScheduledFrame[] {
  return Array.from({ length: count }, () => schedule.next()!);
}

describe('ReplaySchedule', () => {
  it('plays once at the recorded pace, sending the recorded bytes themselves', () => {
    const frames = trackerFrames(10);
    const schedule = new ReplaySchedule(frames);
    const played = take(schedule, 10);
    expect(schedule.next()).toBeNull();
    played.forEach((item, i) => {
      expect(item.bytes).toBe(frames[i].bytes);
      expect(item.atMs).toBeCloseTo(frames[i].arrivalMs - frames[0].arrivalMs, 9);
    });
  });

  it('on a loop, seq and time keep increasing across the seam and nothing else in the frame changes', () => {
    const frames = trackerFrames(6);
    const played = take(new ReplaySchedule(frames, { loop: true }), 18);
    const decoded = played.map((item) => decodeFrame(item.bytes));
    for (let i = 1; i < played.length; i++) {
      expect(decoded[i].seq).toBe(decoded[i - 1].seq + 1);
      expect(decoded[i].time).toBeGreaterThan(decoded[i - 1].time);
      expect(played[i].atMs).toBeGreaterThan(played[i - 1].atMs);
    }
    // The seam looks like an ordinary step: one median interval of time and of arrival.
    expect(decoded[6].time - decoded[5].time).toBeCloseTo(33.3, 3);
    const arrivalSteps = frames.slice(1).map((f, i) => f.arrivalMs - frames[i].arrivalMs).sort((a, b) => a - b);
    expect(played[6].atMs - played[5].atMs).toBeCloseTo(arrivalSteps[arrivalSteps.length >> 1], 9);
    played.forEach((item, i) => expect(Array.from(item.bytes.subarray(HEADER_BYTES))).toEqual(Array.from(frames[i % 6].bytes.subarray(HEADER_BYTES))));
    expect(played[12].pass).toBe(2);
  });

  it('at another speed, send times and frame times shrink or stretch together', () => {
    const frames = trackerFrames(8);
    const played = take(new ReplaySchedule(frames, { speed: 2 }), 8);
    const decoded = played.map((item) => decodeFrame(item.bytes));
    expect(decoded[0].time).toBe(1_700_000_000_000);
    for (let i = 1; i < 8; i++) {
      expect(played[i].atMs).toBeCloseTo((frames[i].arrivalMs - frames[0].arrivalMs) / 2, 9);
      expect(decoded[i].time - decoded[0].time).toBeCloseTo((i * 33.3) / 2, 3);
      expect(decoded[i].seq).toBe(500 + i);
    }
    expect(() => new ReplaySchedule(frames, { speed: 0 })).toThrow(/speed must be from/);
  });

  it('an empty recording plays nothing, even when looping', () => {
    expect(new ReplaySchedule([], { loop: true }).next()).toBeNull();
  });
});

describe('RecordingPlayer', () => {
  it('sends every frame in order at about its time, then ends', async () => {
    const frames = trackerFrames(12, 10);
    const sent: { bytes: Uint8Array; at: number }[] = [];
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const player = new RecordingPlayer(frames, { send: (bytes) => void sent.push({ bytes, at: performance.now() - start }), onEnd: resolve });
      player.start();
    });
    expect(sent.map((s) => s.bytes)).toEqual(frames.map((f) => f.bytes));
    // Never early by more than the half millisecond the player allows.
    sent.forEach((s, i) => expect(s.at).toBeGreaterThanOrEqual(frames[i].arrivalMs - frames[0].arrivalMs - 0.5));
  });

  it('counts what send refused, and stop() ends a loop', async () => {
    const frames = trackerFrames(4, 5);
    let calls = 0;
    const player = new RecordingPlayer(frames, { loop: true, send: () => ++calls % 2 === 0 });
    player.start();
    // Three passes of 20 ms, however late a busy machine's timers are.
    for (const deadline = performance.now() + 5000; player.stats.passes <= 2 && performance.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 5));
    player.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toBe(after);
    expect(player.stats.passes).toBeGreaterThan(2);
    expect(player.stats.sent + player.stats.dropped).toBe(calls);
    expect(player.stats.dropped).toBe(Math.ceil(calls / 2));
    expect(player.playing).toBe(false);
  });

  it('with skipLate, a page too busy to keep up skips to the newest frame instead of slowing the performance down', async () => {
    const frames = trackerFrames(60, 5); // 300 ms of frames, 5 ms apart
    const sent: number[] = [];
    const indexOf = new Map(frames.map((f, i) => [f.bytes, i]));
    let ended = () => {};
    const player = new RecordingPlayer(frames, { skipLate: true, send: (bytes) => void sent.push(indexOf.get(bytes)!), onEnd: () => ended() });
    await new Promise<void>((resolve) => {
      ended = resolve;
      player.start();
      // A render that takes 120 ms, as a software-rendered avatar page's can.
      setTimeout(() => {
        const until = performance.now() + 120;
        while (performance.now() < until);
      }, 20);
    });
    expect(sent.at(-1)).toBe(59);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    // The frames due during the stall were skipped, not sent late one after another.
    expect(player.stats.skipped).toBeGreaterThan(15);
    expect(player.stats.sent + player.stats.skipped).toBe(60);
    expect(player.stats.stalls).toBe(0);
  });
});
