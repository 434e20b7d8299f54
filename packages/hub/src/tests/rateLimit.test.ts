import { decodeFrame } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { burstForRate } from '../relay/TokenBucket.js';
import { HubHarness, asUint8, fetchMetrics, frameBytes, metricValue, rtt, waitUntil } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

describe('per-publisher rate limit', () => {
  it('drops frames above the rate and counts them', async () => {
    const rate = 20;
    const hub = await harness.hub({ maxFramesPerSecond: rate });
    const viewer = await harness.connect(hub, { room: 'main', role: 'viewer' });
    const seen: number[] = [];
    viewer.on('frame', (bytes) => seen.push(decodeFrame(asUint8(bytes)).seq));
    const publisher = await harness.connect(hub, { room: 'main', role: 'publisher', key: hub.publishKey });
    let rejected = 0;
    publisher.on('rejected', () => rejected++);

    const sent = 200;
    const start = performance.now();
    for (let seq = 1; seq <= sent; seq++) publisher.emit('frame', frameBytes(seq));
    await rtt(publisher);
    const elapsedS = (performance.now() - start) / 1000;

    const metrics = await fetchMetrics(hub);
    const relayed = metricValue(metrics, 'rigcast_frames_relayed_total');
    const dropped = metricValue(metrics, 'rigcast_frames_dropped_total', { reason: 'rate-limit' });
    expect(metricValue(metrics, 'rigcast_frames_in_total')).toBe(sent);
    expect(relayed + dropped).toBe(sent);
    expect(relayed).toBeGreaterThanOrEqual(2);
    expect(relayed).toBeLessThanOrEqual(burstForRate(rate) + rate * elapsedS + 1);
    expect(rejected).toBe(0);

    // The bucket refills: after a pause the next frame goes through.
    await new Promise((r) => setTimeout(r, 200));
    publisher.emit('frame', frameBytes(sent + 1));
    await waitUntil(() => seen.at(-1) === sent + 1, 2000, 'the frame after the pause');
  });

  it('limits each publisher on its own', async () => {
    const hub = await harness.hub({ maxFramesPerSecond: 10 });
    const greedy = await harness.connect(hub, { room: 'main', role: 'publisher', key: hub.publishKey });
    const polite = await harness.connect(hub, { room: 'main', role: 'publisher', key: hub.publishKey });
    for (let seq = 1; seq <= 50; seq++) greedy.emit('frame', frameBytes(seq));
    await rtt(greedy);
    const before = metricValue(await fetchMetrics(hub), 'rigcast_frames_relayed_total');
    polite.emit('frame', frameBytes(1000));
    await rtt(polite);
    expect(metricValue(await fetchMetrics(hub), 'rigcast_frames_relayed_total')).toBe(before + 1);
  });
});
