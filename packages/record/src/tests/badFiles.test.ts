import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ConnectionState } from '@rigcast/client';
import type { Hub } from '@rigcast/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished } from '../../../../test/support/childOutput';
import { RecordingFileWriter } from '../file/RecordingFileWriter';
import { performanceBytes } from './support/knownPerformance';
import { RecordHarness, type Arrival, waitFor } from './support/RecordHarness';

const FRAMES = 60;
let harness: RecordHarness;
let hub: Hub;
let arrivals: Arrival[];
let good: Buffer;
const sent = performanceBytes(FRAMES);

beforeAll(async () => {
  harness = new RecordHarness();
  hub = await harness.hub();
  const viewer = harness.viewer(hub, 'bad');
  arrivals = viewer.arrivals;
  await waitFor(() => viewer.client.state === ConnectionState.Connected, 'the viewer to join');
  const writer = new RecordingFileWriter(harness.path('good.rig'));
  sent.forEach((bytes, i) => writer.append(i * 16.7, bytes));
  writer.close();
  good = readFileSync(harness.path('good.rig'));
});
afterAll(() => harness.cleanup());

/** Writes `bytes` as a file and replays it into the viewer's room. */
function replay(name: string, bytes: Uint8Array) {
  writeFileSync(harness.path(name), bytes);
  return finished(harness.rigcast(['replay', harness.path(name), '--hub', hub.url, '--room', 'bad', '--key', hub.publishKey, '--speed', '4']));
}

describe('bad recordings given to rigcast replay', () => {
  it('damaged, future-version, foreign, header-only and missing files are refused with one clear line each, and nothing reaches the room', async () => {
    const damaged = Uint8Array.from(good);
    damaged[Math.floor(damaged.length / 2)] ^= 0x10;
    const future = Uint8Array.from(good);
    future[8] = 2;
    const results = await Promise.all([
      replay('damaged.rig', damaged),
      replay('future.rig', future),
      replay('notes.rig', new TextEncoder().encode('{"hello": "world"}\n')),
      replay('stub.rig', good.subarray(0, 12)),
      finished(harness.rigcast(['replay', harness.path('nowhere.rig'), '--hub', hub.url, '--key', 'k'])),
    ]);
    const expected = [
      /^rigcast replay: .*damaged\.rig cannot be used: corrupt: record \d+ at byte \d+ fails its checksum: the file was damaged\n$/,
      /^rigcast replay: .*future\.rig cannot be used: unsupported-version: it is a version 2 recording and this build reads version 1; use the rigcast release that made it\n$/,
      /^rigcast replay: .*notes\.rig cannot be used: not-a-recording: it does not start with the rigcast recording signature/,
      /^rigcast replay: .*stub\.rig cannot be used: truncated-header: it ends after 12 bytes, inside the 18-byte file header, so it holds no frames\n$/,
      /^rigcast replay: .*nowhere\.rig does not exist\n$/,
    ];
    results.forEach((result, i) => {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(expected[i]);
      expect(result.stdout).toBe('');
    });
    // Anything sent would have reached the viewer well within this.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(arrivals).toHaveLength(0);
  });

  it('a file cut inside its last record plays its complete frames, byte for byte, and warns about the rest', async () => {
    arrivals.length = 0;
    const result = await replay('cut.rig', good.subarray(0, good.length - 30));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning: .*cut\.rig ends inside a record .*: using the 59 complete frames/);
    await waitFor(() => arrivals.length >= FRAMES - 1, 'the complete frames');
    expect(arrivals.map((a) => Array.from(a.bytes))).toEqual(sent.slice(0, FRAMES - 1).map((b) => Array.from(b)));
  });

  it('a wrong key ends replay and record with what to do, where a page would keep retrying', async () => {
    arrivals.length = 0;
    const keyed = await harness.hubWithViewKey('fans');
    const [replayed, recorded] = await Promise.all([
      finished(harness.rigcast(['replay', harness.path('good.rig'), '--hub', hub.url, '--room', 'bad', '--key', 'not-the-key'])),
      finished(harness.rigcast(['record', '--hub', keyed.url, '--room', 'bad', '--out', harness.path('never.rig')])),
    ]);
    expect(replayed.code).toBe(1);
    expect(replayed.stderr).toMatch(/^rigcast replay: The hub refused this replay: bad-key.*To fix: pass --key with the hub's publish key \(the key= in the tracker URL the hub prints\)\.?\n$/);
    expect(recorded.code).toBe(1);
    expect(existsSync(harness.path('never.rig'))).toBe(false);
    expect(recorded.stderr).toMatch(/^rigcast record: The hub refused this recorder: bad-key.*To fix: pass --key with the hub's view key \(RIGCAST_VIEW_KEY on the hub\)\.?\n$/);
    expect(arrivals).toHaveLength(0);
  });
});

