import type { Socket as NetSocket } from 'node:net';
import { HUMANOID_BONE_NAMES, createEmptyBody, createNeutralFrame, decodeFrame, encodeFrame } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { HubHarness, asUint8, fetchMetrics, metricValue, rtt, waitUntil, type ClientSocket } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

/** The biggest legal frame (face and all 55 bones), to fill socket buffers quickly. */
function bigFrame(seq: number): Uint8Array {
  const frame = createNeutralFrame(seq, seq);
  frame.body = createEmptyBody();
  for (const name of HUMANOID_BONE_NAMES) frame.body.bones[name] = [0, 0, Math.sin(seq), Math.cos(seq)];
  return encodeFrame(frame);
}

/** The TCP socket under a socket.io-client websocket (Node), to stop reading from it. */
function tcpOf(client: ClientSocket): NetSocket {
  const transport = client.io.engine.transport as unknown as { ws: { _socket: NetSocket } };
  return transport.ws._socket;
}

describe('slow viewers (latest wins)', () => {
  it('skips a viewer that stops reading, gives it the latest frame when it reads again, and the others get every frame', async () => {
    const hub = await harness.hub({ maxFramesPerSecond: 1e6 });
    const fast = await harness.connect(hub, { room: 'main', role: 'viewer' });
    const slow = await harness.connect(hub, { room: 'main', role: 'viewer' });
    const fastSeqs: number[] = [];
    const slowSeqs: number[] = [];
    let fastWaiter: { count: number; resolve: () => void } | undefined;
    fast.on('frame', (bytes) => {
      fastSeqs.push(decodeFrame(asUint8(bytes)).seq);
      if (fastWaiter && fastSeqs.length >= fastWaiter.count) fastWaiter.resolve();
    });
    /** Resolves once the fast viewer holds `count` frames (no polling: this loop runs ~400 times). */
    const fastHas = (count: number) =>
      fastSeqs.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the fast viewer has ${fastSeqs.length} of ${count} frames`)), 5000);
            fastWaiter = { count, resolve: () => (clearTimeout(timer), resolve()) };
          });
    slow.on('frame', (bytes) => slowSeqs.push(decodeFrame(asUint8(bytes)).seq));
    const publisher = await harness.connect(hub, { room: 'main', role: 'publisher', key: hub.publishKey });

    tcpOf(slow).pause();
    const BATCH = 20;
    const CHECK_EVERY = 10;
    const MAX_FRAMES = 100_000;
    let sent = 0;
    while (sent < MAX_FRAMES) {
      for (let i = 0; i < BATCH; i++) publisher.emit('frame', bigFrame(sent++));
      await rtt(publisher);
      await fastHas(sent);
      if (sent % (BATCH * CHECK_EVERY) === 0 && metricValue(await fetchMetrics(hub), 'rigcast_viewer_skips_total') > 0) break;
    }
    const skips = metricValue(await fetchMetrics(hub), 'rigcast_viewer_skips_total');
    expect(skips).toBeGreaterThan(0);
    // Keep going a little so the slow viewer misses a stretch of frames.
    for (let i = 0; i < BATCH; i++) publisher.emit('frame', bigFrame(sent++));
    await rtt(publisher);
    const last = sent - 1;

    tcpOf(slow).resume();
    await waitUntil(() => slowSeqs.at(-1) === last, 10_000, 'the slow viewer to get the latest frame');
    expect(slowSeqs.length).toBeLessThan(sent);
    expect(slowSeqs.every((seq, i) => i === 0 || seq > slowSeqs[i - 1])).toBe(true);
    expect(metricValue(await fetchMetrics(hub), 'rigcast_viewer_catchups_total')).toBeGreaterThan(0);

    await waitUntil(() => fastSeqs.length === sent, 5000, 'every frame at the fast viewer');
    expect(fastSeqs).toEqual(Array.from({ length: sent }, (_, i) => i));
  });
});
