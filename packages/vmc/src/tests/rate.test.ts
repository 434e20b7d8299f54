// 60 Hz for 30 s through both directions at once, with independent peers at both ends:
// python3-liblo → in → real hub → out → oscdump, on loopback.
import { DEG, quatFromAxisAngle } from '@rigcast/math';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeHarness } from './support/BridgeHarness';
import { Oscdump, playVmc, requirePeers, waitFor, type DumpedMessage } from './support/peers';
import { PLAYER_APPLY, PLAYER_OK, PLAYER_ROOT, markerWeights, playerBlend, playerBone, playerTime, readMarker } from './support/vmcCycles';

const HZ = 60;
const SECONDS = 30;
const CYCLES = HZ * SECONDS;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

describe('vmc at 60 Hz: liblo → in → real hub → out → oscdump', () => {
  const harness = new BridgeHarness();
  beforeAll(() => requirePeers());
  afterEach(() => harness.cleanup());

  it(`carries ${CYCLES} cycles in ${SECONDS} s both ways with no loss and no backlog`, { timeout: 90_000 }, async () => {
    await harness.start();
    const room = 'vmc-rate';
    const dump = harness.own(await Oscdump.start());
    const out = await harness.vmcOut(room, dump.port);
    const vmcIn = await harness.vmcIn(room);
    await waitFor(() => out.client.connected && vmcIn.client.connected, 'both bridges to join');

    // Each cycle as VSeeFace sends it (a bundle of bones, a bundle of blendshapes), numbered by two weights.
    const cycles = Array.from({ length: CYCLES }, (_, i) => [
      [PLAYER_ROOT, playerBone('Head', quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], 20 * Math.sin(i / 30) * DEG)), playerBone('RightUpperArm', [0, 0, 0, 1])],
      [...Object.entries(markerWeights(i)).map(([name, value]) => playerBlend(name, value)), playerBlend('jawOpen', (i % 60) / 60), PLAYER_APPLY, PLAYER_OK, playerTime(i / HZ)],
    ]);
    const playback = playVmc('127.0.0.1', vmcIn.port, HZ, cycles);
    const { sent, lateMs, sentAt } = await playback.done;
    expect(sent).toBe(CYCLES);
    await waitFor(() => out.stats.framesSent >= vmcIn.published, 'out to send every published frame', 5000).catch(() => {});

    // One arrival per cycle at oscdump: its marker and when its T line came.
    const arrivals: { index: number; at: number }[] = [];
    let weights: Record<string, number> = {};
    for (const m of dump.messages as DumpedMessage[]) {
      if (m.address === '/VMC/Ext/Root/Pos') weights = {};
      else if (m.address === '/VMC/Ext/Blend/Val') weights[m.args[0] as string] = m.args[1] as number;
      else if (m.address === '/VMC/Ext/T') arrivals.push({ index: readMarker(weights.browInnerUp, weights.cheekPuff), at: performance.timeOrigin + m.at });
    }
    const indices = arrivals.map((a) => a.index);
    const latencies = arrivals.map((a) => a.at - sentAt[a.index]);
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    const tenth = Math.floor(CYCLES / 10);
    const first = median(latencies.slice(0, tenth));
    const last = median(latencies.slice(-tenth));
    const spanS = (arrivals.at(-1)!.at - arrivals[0].at) / 1000;
    console.log(
      `rate: sent ${sent} (player late at worst ${lateMs.toFixed(1)} ms); in ${vmcIn.assembler.stats.frames} frames, published ${vmcIn.published}, unsent ${vmcIn.unsent}; ` +
        `out ${out.stats.framesIn} in / ${out.stats.framesSent} sent, skipped ${out.stats.framesSkipped}; oscdump ${arrivals.length} cycles at ${((arrivals.length - 1) / spanS).toFixed(2)} Hz; ` +
        `latency sender→oscdump p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ` +
        `median first 10% ${first.toFixed(1)} ms, last 10% ${last.toFixed(1)} ms`,
    );
    // No loss: every cycle came out, once, in order.
    expect(indices).toEqual(Array.from({ length: CYCLES }, (_, i) => i));
    expect(vmcIn.unsent).toBe(0);
    expect(out.stats.framesSkipped).toBe(0);
    // No backlog: the delay does not grow over the run, and no cycle waited long.
    expect(last).toBeLessThan(first + 20);
    expect(percentile(sorted, 99)).toBeLessThan(100);
  });
});
