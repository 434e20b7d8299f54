import { readFileSync } from 'node:fs';
import { ConnectionState } from '@rigcast/client';
import { readRecording } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, waitForOutput } from '../../../../test/support/childOutput';
import { PERFORMANCE_HZ, performanceBytes } from './support/knownPerformance';
import { RecordHarness, publishAtRate, quantile, waitFor } from './support/RecordHarness';

const FRAMES = 240; // 4 s at 60 Hz: face frames and face + body frames, alternating
/** The bound on the timing error's p99 on loopback. */
const MAX_P99_MS = 5;
const MAX_ATTEMPTS = 3;

let harness: RecordHarness;
afterEach(() => harness.cleanup());

describe('record and replay through a real hub (rigcast record / rigcast replay as child processes)', () => {
  it('records what a publisher sends, and replays it to a fresh viewer byte for byte at the recorded timing', async () => {
    harness = new RecordHarness();
    const hub = await harness.hub();
    const out = harness.path('show.rig');
    const sent = performanceBytes(FRAMES);

    // Record: the CLI joins room "live" as a viewer.
    const recorder = harness.rigcast(['record', '--hub', hub.url, '--room', 'live', '--out', out]);
    const recorderDone = finished(recorder);
    await waitForOutput(recorder, /connected/);
    const publisher = harness.publisher(hub, 'live');
    await waitFor(() => publisher.state === ConnectionState.Connected, 'the publisher to join');
    await publishAtRate(publisher, sent, PERFORMANCE_HZ);
    await waitFor(() => readFileSync(out).length >= 18 + sent.reduce((n, b) => n + 10 + b.length, 0), 'the recorder to write every frame');
    recorder.kill('SIGINT');
    const recorded = await recorderDone;
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toMatch(/saved .*show\.rig: 240 frames over 0:0\d\.\d \(\d+\.\d fps\) · face in 240, body in 120 · [\d.]+ kB · [\d.]+ kB per minute, [\d.]+ MB per hour/);

    const recording = readRecording(readFileSync(out));
    expect(recording.truncatedTail).toBeNull();
    expect(recording.frames.map((f) => Array.from(f.bytes))).toEqual(sent.map((b) => Array.from(b)));
    const recordedSteps = recording.frames.slice(1).map((f, i) => f.arrivalMs - recording.frames[i].arrivalMs);
    expect(quantile(recordedSteps, 0.5)).toBeCloseTo(1000 / PERFORMANCE_HZ, 0);

    // Replay into another room, where a fresh viewer waits. A busy machine can only add timing
    // error (a process not scheduled in time), never take it away: a replay it disturbed is
    // repeated, up to three times, and the best counts, as the allocation tests do.
    let p99 = Infinity;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && p99 > MAX_P99_MS; attempt++) {
      const room = `replay-${attempt}`;
      const { client: viewer, arrivals } = harness.viewer(hub, room);
      await waitFor(() => viewer.state === ConnectionState.Connected, 'the viewer to join');
      const played = await finished(harness.rigcast(['replay', out, '--hub', hub.url, '--room', room, '--key', hub.publishKey]));
      expect(played.code).toBe(0);
      expect(played.stdout).toMatch(/sent 240 frames .* dropped 0; timing error p50 [\d.]+ ms, p99 [\d.]+ ms/);
      await waitFor(() => arrivals.length >= FRAMES, 'the viewer to get every frame', 2000);
      viewer.close();

      expect(arrivals.map((a) => Array.from(a.bytes))).toEqual(sent.map((b) => Array.from(b)));
      // Timing error: how far each frame's arrival is from its recorded time, after taking out
      // the constant delay of the path (the median of the differences).
      const offsets = arrivals.map((a, i) => a.at - recording.frames[i].arrivalMs);
      const delay = quantile(offsets, 0.5);
      const errors = offsets.map((offset) => Math.abs(offset - delay));
      p99 = Math.min(p99, quantile(errors, 0.99));
      console.log(
        `attempt ${attempt}: ${played.stdout.trim().split('\n').at(-1)}\n` +
          `  at the viewer: timing error p50 ${quantile(errors, 0.5).toFixed(2)} ms, p99 ${quantile(errors, 0.99).toFixed(2)} ms, max ${Math.max(...errors).toFixed(2)} ms over ${errors.length} frames`,
      );
    }
    expect(p99).toBeLessThanOrEqual(MAX_P99_MS);
  });
});
