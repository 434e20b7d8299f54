import { afterEach, describe, expect, it } from 'vitest';
import { HubHarness, connectErrorOf, fetchMetrics, frameBytes, metricValue, nextEvent, rtt, waitUntil } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

describe('/metrics', () => {
  it('counts connections, rooms, frames in, relayed, delivered, dropped, rejects and refusals', async () => {
    const hub = await harness.hub({ maxFramesPerSecond: 1000 });
    const res = await fetch(`${hub.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const idle = await res.text();
    expect(metricValue(idle, 'rigcast_connections', { role: 'viewer' })).toBe(0);
    expect(metricValue(idle, 'rigcast_rooms')).toBe(0);
    expect(idle).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(idle).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);

    const viewers = await Promise.all([1, 2].map(() => harness.connect(hub, { room: 'm', role: 'viewer' })));
    let received = 0;
    for (const v of viewers) v.on('frame', () => received++);
    await harness.connect(hub, { room: 'other', role: 'viewer' });
    const publisher = await harness.connect(hub, { room: 'm', role: 'publisher', key: hub.publishKey });
    for (let seq = 1; seq <= 5; seq++) {
      publisher.emit('frame', frameBytes(seq));
      await rtt(publisher);
    }
    const bad = nextEvent(publisher, 'rejected');
    publisher.emit('frame', new Uint8Array([9, 9, 9]));
    await bad;
    const viewerReject = nextEvent(viewers[0], 'rejected');
    viewers[0].emit('frame', frameBytes(6));
    await viewerReject;
    await connectErrorOf(harness, hub, { room: 'm', role: 'publisher', key: 'nope' });
    await connectErrorOf(harness, hub, { room: 'bad room', role: 'viewer' });
    await waitUntil(() => received === 10, 2000, 'ten deliveries');

    const text = await fetchMetrics(hub);
    expect(metricValue(text, 'rigcast_connections', { role: 'viewer' })).toBe(3);
    expect(metricValue(text, 'rigcast_connections', { role: 'publisher' })).toBe(1);
    expect(metricValue(text, 'rigcast_rooms')).toBe(2);
    expect(metricValue(text, 'rigcast_frames_in_total')).toBe(7);
    expect(metricValue(text, 'rigcast_frames_relayed_total')).toBe(5);
    expect(metricValue(text, 'rigcast_frame_deliveries_total')).toBe(10);
    expect(metricValue(text, 'rigcast_frames_rejected_total', { reason: 'truncated' })).toBe(1);
    expect(metricValue(text, 'rigcast_frames_rejected_total', { reason: 'not-publisher' })).toBe(1);
    expect(metricValue(text, 'rigcast_connect_refusals_total', { code: 'bad-key' })).toBe(1);
    expect(metricValue(text, 'rigcast_connect_refusals_total', { code: 'bad-room' })).toBe(1);

    publisher.disconnect();
    for (const v of viewers) v.disconnect();
    let lastText = '';
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      lastText = await fetchMetrics(hub);
      if (metricValue(lastText, 'rigcast_rooms') === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(metricValue(lastText, 'rigcast_rooms')).toBe(1);
    expect(metricValue(lastText, 'rigcast_connections', { role: 'viewer' })).toBe(1);
    expect(metricValue(lastText, 'rigcast_connections', { role: 'publisher' })).toBe(0);
  });

  it('keeps the metrics of two hubs in one process apart', async () => {
    const a = await harness.hub();
    const b = await harness.hub();
    await harness.connect(a, { room: 'x', role: 'viewer' });
    expect(metricValue(await fetchMetrics(a), 'rigcast_connections', { role: 'viewer' })).toBe(1);
    expect(metricValue(await fetchMetrics(b), 'rigcast_connections', { role: 'viewer' })).toBe(0);
  });
});
