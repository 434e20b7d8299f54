import { decodeFrame } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../HubOptions.js';
import { fuzzMessage, seededRandom } from './support/fuzzPayloads.js';
import { HubHarness, asUint8, fetchMetrics, frameBytes, metricValue, nextEvent, rtt, waitUntil } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

const SEED = Number(process.env.RIGCAST_FUZZ_SEED ?? 20261121);
const EMITTED = 9_900;
const RAW = 100;
const BATCH = 100;
const CLEAN_FRAME_INTERVAL_MS = 15;

/** Socket.IO packets no client library would produce; each makes the hub drop that connection. */
function rawPacket(rand: () => number, i: number): string | Uint8Array {
  switch (i % 5) {
    case 0:
      return `42["frame"${'x'.repeat(Math.floor(rand() * 10))}`; // broken JSON
    case 1:
      return '42["disconnect",{"reason":"spoofed"}]'; // reserved event name
    case 2:
      return `451-["frame",{"_placeholder":true,"num":${1 + Math.floor(rand() * 9)}}]`; // attachment that never comes
    case 3:
      return '49["frame"]'; // unknown packet type
    default:
      return new Uint8Array(MAX_MESSAGE_BYTES + 1 + Math.floor(rand() * 1000)); // over maxHttpBufferSize
  }
}

describe('fuzz', () => {
  it('survives 10,000 malformed payloads, relays none, and another room gets every frame in order', async () => {
    const hub = await harness.hub({ maxFramesPerSecond: 1e6 });
    const rand = seededRandom(SEED);

    // Room "clean": a publisher sends valid frames the whole time; its viewer must get them all, in order.
    const cleanViewer = await harness.connect(hub, { room: 'clean', role: 'viewer' });
    const cleanSeqs: number[] = [];
    cleanViewer.on('frame', (bytes) => cleanSeqs.push(decodeFrame(asUint8(bytes)).seq));
    const cleanPublisher = await harness.connect(hub, { room: 'clean', role: 'publisher', key: hub.publishKey });
    let cleanSent = 0;
    const ticker = setInterval(() => cleanPublisher.emit('frame', frameBytes(cleanSent++)), CLEAN_FRAME_INTERVAL_MS);

    // Room "fuzz": a real publisher (with the key) sends garbage; its viewer must get nothing.
    const fuzzViewer = await harness.connect(hub, { room: 'fuzz', role: 'viewer' });
    let fuzzRelayed = 0;
    fuzzViewer.on('frame', () => fuzzRelayed++);
    const fuzzer = await harness.connect(hub, { room: 'fuzz', role: 'publisher', key: hub.publishKey });
    let rejectedCount = 0;
    fuzzer.on('rejected', () => rejectedCount++);

    try {
      let frameEmits = 0;
      for (let sent = 0; sent < EMITTED; ) {
        for (let i = 0; i < BATCH && sent < EMITTED; i++, sent++) {
          const { event, args } = fuzzMessage(rand);
          if (event === 'frame') frameEmits++;
          (fuzzer.emit as (event: string, ...args: unknown[]) => void)(event, ...args);
        }
        await Promise.race([
          rtt(fuzzer), // the hub has handled the whole batch
          nextEvent<string>(fuzzer, 'disconnect', 10_000).then((reason) => {
            throw new Error(`the hub dropped the fuzzing publisher (${reason}) after ${sent} messages`);
          }),
        ]);
        expect(fuzzer.connected).toBe(true);
      }
      await waitUntil(() => rejectedCount === frameEmits, 5000, 'a rejected reply to every malformed frame');

      // Protocol-level garbage: each packet costs the sender its connection, nobody else's.
      for (let i = 0; i < RAW; i++) {
        const victim = await harness.connect(hub, { room: 'fuzz', role: 'publisher', key: hub.publishKey });
        const gone = nextEvent<string>(victim, 'disconnect', 5000);
        victim.io.engine.write(rawPacket(rand, i) as never);
        expect(await gone).toMatch(/transport (close|error)|io server disconnect/);
      }

      const health = await (await fetch(`${hub.url}/healthz`)).json();
      expect(health.ok).toBe(true);
      const metrics = await fetchMetrics(hub);
      expect(metricValue(metrics, 'rigcast_frames_rejected_total')).toBe(frameEmits);
      expect(frameEmits).toBeGreaterThan(EMITTED * 0.4);
    } finally {
      clearInterval(ticker);
    }

    await rtt(cleanPublisher);
    await waitUntil(() => cleanSeqs.length === cleanSent, 5000, 'every clean frame');
    expect(cleanSent).toBeGreaterThan(20);
    expect(cleanSeqs).toEqual(Array.from({ length: cleanSent }, (_, i) => i));
    expect(fuzzRelayed).toBe(0);
    expect(fuzzViewer.connected).toBe(true);

    // And the fuzzed room still works for a well-behaved publisher.
    const honest = await harness.connect(hub, { room: 'fuzz', role: 'publisher', key: hub.publishKey });
    const next = nextEvent<Uint8Array>(fuzzViewer, 'frame');
    honest.emit('frame', frameBytes(777));
    expect(decodeFrame(asUint8(await next)).seq).toBe(777);
  });
});
