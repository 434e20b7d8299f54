import { afterEach, describe, expect, it } from 'vitest';
import { HubHarness, connectErrorOf, fetchMetrics, metricValue, type ClientSocket } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

const VIEWER = { room: 'main', role: 'viewer' } as const;
/** A stranger: not this machine's 127.0.0.1, so the limits apply. */
const STRANGER = '127.0.0.2';
const refusals = async (hub: Parameters<typeof fetchMetrics>[0]) =>
  metricValue(await fetchMetrics(hub), 'rigcast_connect_refusals_total', { code: 'too-many-connections' });

describe('connection limits per address', () => {
  it('caps open connections per address, frees a slot when one closes, and leaves other addresses alone', async () => {
    const hub = await harness.hub({ maxConnectionsPerIp: 3, maxConnectsPerSecond: 0 });
    const from = { localAddress: STRANGER };
    const open: ClientSocket[] = [];
    for (let i = 0; i < 3; i++) open.push(await harness.connect(hub, VIEWER, from));
    const refused = await connectErrorOf(harness, hub, VIEWER, from);
    // Refused at the WebSocket upgrade, before Socket.IO: an HTTP 400, as for a foreign Origin.
    expect((refused as Error & { description?: Error }).description?.message).toBe('Unexpected server response: 400');
    expect(await refusals(hub)).toBe(1);

    // Another stranger, and this machine itself, are not affected.
    await harness.connect(hub, VIEWER, { localAddress: '127.0.0.3' });
    for (let i = 0; i < 5; i++) await harness.connect(hub, VIEWER);

    open[0].disconnect();
    await expect.poll(async () => {
      try {
        await harness.connect(hub, VIEWER, from);
        return true;
      } catch {
        return false;
      }
    }).toBe(true);
  });

  it('behind a proxy on this machine, counts the X-Forwarded-For address; a stranger cannot forge it', async () => {
    const hub = await harness.hub({ maxConnectionsPerIp: 2, maxConnectsPerSecond: 0 });
    const viaProxy = (client: string) => ({ extraHeaders: { 'X-Forwarded-For': `${client}, 127.0.0.1` } });
    await harness.connect(hub, VIEWER, viaProxy('203.0.113.7'));
    await harness.connect(hub, VIEWER, viaProxy('203.0.113.7'));
    await connectErrorOf(harness, hub, VIEWER, viaProxy('203.0.113.7'));
    await harness.connect(hub, VIEWER, viaProxy('203.0.113.8'));
    // A stranger's own X-Forwarded-For is ignored: it is counted as itself.
    const forged = { localAddress: STRANGER, extraHeaders: { 'X-Forwarded-For': '198.51.100.1' } };
    await harness.connect(hub, VIEWER, forged);
    await harness.connect(hub, VIEWER, forged);
    await connectErrorOf(harness, hub, VIEWER, forged);
    expect(await refusals(hub)).toBe(2);
  });

  it('throttles connection attempts per address (with a burst), and lets them through again once the rate allows', async () => {
    const RATE = 2;
    const BURST = RATE * 4;
    const hub = await harness.hub({ maxConnectionsPerIp: 0, maxConnectsPerSecond: RATE });
    const from = { localAddress: STRANGER };
    for (let i = 0; i < BURST; i++) (await harness.connect(hub, VIEWER, from)).disconnect();
    await connectErrorOf(harness, hub, VIEWER, from);
    expect(await refusals(hub)).toBe(1);
    // This machine is not throttled.
    for (let i = 0; i < BURST + 2; i++) (await harness.connect(hub, VIEWER)).disconnect();
    await new Promise((r) => setTimeout(r, 1000 / RATE + 50));
    await harness.connect(hub, VIEWER, from);
  });
});
