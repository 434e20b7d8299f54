import { readFileSync, statSync, truncateSync } from 'node:fs';
import { ConnectionState } from '@rigcast/client';
import { readRecording } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, waitForOutput } from '../../../../test/support/childOutput';
import { PERFORMANCE_HZ, performanceBytes } from './support/knownPerformance';
import { RecordHarness, publishAtRate, waitFor } from './support/RecordHarness';

let harness: RecordHarness;
afterEach(() => harness.cleanup());

describe('a recorder killed mid-recording (rigcast record, SIGKILL)', () => {
  it('leaves a file that reads back up to the last complete frame, and a cut-off record is reported, not replayed', async () => {
    harness = new RecordHarness();
    const hub = await harness.hub();
    const out = harness.path('crash.rig');
    const sent = performanceBytes(1200);

    const recorder = harness.rigcast(['record', '--hub', hub.url, '--room', 'live', '--out', out]);
    const exited = finished(recorder);
    await waitForOutput(recorder, /connected/);
    const publisher = harness.publisher(hub, 'live');
    await waitFor(() => publisher.state === ConnectionState.Connected, 'the publisher to join');
    let stop = false;
    const publishing = publishAtRate(publisher, sent, PERFORMANCE_HZ, () => stop);
    // About 1.5 s of frames on disk, then the recorder dies without a chance to close anything.
    await waitFor(() => statSync(out).size > 18 + 90 * 120, 'a second and a half of frames in the file');
    const sentAtKill = publisher.framesSent;
    recorder.kill('SIGKILL');
    const result = await exited;
    stop = true;
    await publishing;
    expect(result.code).toBeNull();

    const recording = readRecording(readFileSync(out));
    const recorded = recording.frames.map((f) => Array.from(f.bytes));
    // What reached the file is exactly what was sent, in order, and at most the last second is missing.
    expect(recorded).toEqual(sent.slice(0, recorded.length).map((b) => Array.from(b)));
    expect(recorded.length).toBeGreaterThanOrEqual(sentAtKill - PERFORMANCE_HZ);
    console.log(`killed after ${sentAtKill} frames were sent: ${recorded.length} in the file, tail ${JSON.stringify(recording.truncatedTail)}`);

    // A kill (or a full disk, or a power cut) can also land inside a record: the reader returns
    // the frames before it and says where the file was cut.
    const lastLength = 10 + recording.frames.at(-1)!.bytes.length;
    const size = statSync(out).size;
    truncateSync(out, size - Math.floor(lastLength / 2));
    const cut = readRecording(readFileSync(out));
    expect(cut.frames).toHaveLength(recorded.length - 1);
    expect(cut.truncatedTail).toEqual({ offset: size - lastLength, byteLength: lastLength - Math.floor(lastLength / 2) });

    const exported = await finished(harness.rigcast(['export', out, '--jsonl', harness.path('crash.jsonl')]));
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`warning: .*crash\\.rig ends inside a record \\(\\d+ bytes at byte ${size - lastLength}; the recorder was cut off\\): using the ${recorded.length - 1} complete frames`));
    expect(readFileSync(harness.path('crash.jsonl'), 'utf8').trim().split('\n')).toHaveLength(recorded.length);
  });
});
