// 60 Hz for 30 s through both directions at once, on loopback: python3-liblo → in → real hub →
// out → a plain UDP socket. oscdump checks content elsewhere; here the receiver must not be the one
// that loses datagrams when a busy machine stalls it, so it is a socket with a 4 MiB buffer that
// only timestamps what arrives and finds the cycle numbers by their bytes.
import { createSocket } from 'node:dgram';
import { DEG, quatFromAxisAngle } from '@rigcast/math';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeHarness } from './support/BridgeHarness';
import { playVmc, requirePeers, waitFor } from './support/peers';
import { PLAYER_APPLY, PLAYER_OK, PLAYER_ROOT, markerWeights, playerBlend, playerBone, playerTime, readMarker } from './support/vmcCycles';

const HZ = 60;
const SECONDS = 30;
const CYCLES = HZ * SECONDS;

const RECEIVE_BUFFER_BYTES = 4 << 20;
const encoder = new TextEncoder();
/** An OSC string's bytes: the name, a NUL, NULs to a multiple of 4. */
function padded(name: string): Uint8Array {
  const bytes = new Uint8Array((name.length + 4) & ~3);
  bytes.set(encoder.encode(name));
  return bytes;
}
const BROW = padded('browInnerUp');
const CHEEK = padded('cheekPuff');
const TIME = padded('/VMC/Ext/T');

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** The float after a `/VMC/Ext/Blend/Val` name: it follows the padded string directly. */
function valueAfter(datagram: Buffer, name: Uint8Array): number | null {
  const at = indexOf(datagram, name);
  return at < 0 ? null : datagram.readFloatBE(at + name.length);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

describe('vmc at 60 Hz: liblo → in → real hub → out → UDP receiver', () => {
  const harness = new BridgeHarness();
  beforeAll(() => requirePeers());
  afterEach(() => harness.cleanup());

  it(`carries ${CYCLES} cycles in ${SECONDS} s both ways with no loss and no backlog`, { timeout: 90_000 }, async () => {
    await harness.start();
    const room = 'vmc-rate';
    // One arrival per cycle: its number, from two weights, when the datagram with its T came.
    const arrivals: { index: number; at: number }[] = [];
    let brow = Number.NaN;
    let cheek = Number.NaN;
    const receiver = createSocket({ type: 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
    receiver.on('message', (datagram) => {
      brow = valueAfter(datagram, BROW) ?? brow;
      cheek = valueAfter(datagram, CHEEK) ?? cheek;
      if (indexOf(datagram, TIME) >= 0) arrivals.push({ index: readMarker(brow, cheek), at: Date.now() });
    });
    await new Promise<void>((r) => receiver.bind(0, '127.0.0.1', r));
    const out = await harness.vmcOut(room, receiver.address().port);
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
    await waitFor(() => arrivals.length >= CYCLES, `${CYCLES} cycles at the receiver`, 5000).catch(() => {});
    receiver.close();
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
        `out ${out.stats.framesIn} in / ${out.stats.framesSent} sent, skipped ${out.stats.framesSkipped}, send errors ${out.stats.sendErrors}; received ${arrivals.length} cycles at ${((arrivals.length - 1) / spanS).toFixed(2)} Hz; ` +
        `latency sender→receiver p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ` +
        `median first 10% ${first.toFixed(1)} ms, last 10% ${last.toFixed(1)} ms`,
    );
    // No loss: every cycle came out, once, in order.
    expect(indices).toEqual(Array.from({ length: CYCLES }, (_, i) => i));
    expect(vmcIn.unsent).toBe(0);
    expect(out.stats.framesSkipped).toBe(0);
    // No backlog: the delay does not grow over the run, and the last cycle is not left behind. (The
    // odd cycle waits longer when other work stalls the shared machine; a backlog keeps growing:
    // a queue of even one second at the end would be 60 cycles late.)
    expect(last).toBeLessThan(first + 20);
    expect(latencies.at(-1)!).toBeLessThan(1000);
  });
});
