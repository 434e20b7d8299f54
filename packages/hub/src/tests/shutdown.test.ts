import { connect as tcpConnect } from 'node:net';
import { decodeFrame } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS } from '../HubOptions.js';
import { HubHarness, asUint8, connectErrorOf, frameBytes, nextEvent, waitUntil } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

describe('graceful shutdown', () => {
  it('closes every client connection (so clients reconnect) and stops listening', async () => {
    const hub = await harness.hub();
    const viewer = await harness.connect(hub, { room: 'main', role: 'viewer' });
    const publisher = await harness.connect(hub, { room: 'main', role: 'publisher', key: hub.publishKey });
    const viewerGone = nextEvent<string>(viewer, 'disconnect');
    const publisherGone = nextEvent<string>(publisher, 'disconnect');
    const start = performance.now();
    await hub.close();
    expect(performance.now() - start).toBeLessThan(SHUTDOWN_GRACE_MS + 1000);
    expect(await viewerGone).toBe('transport close');
    expect(await publisherGone).toBe('transport close');
    await expect(fetch(`${hub.url}/healthz`)).rejects.toThrow();
    const refused = await connectErrorOf(harness, hub, { room: 'main', role: 'viewer' });
    expect(refused.message).toMatch(/websocket error/);
    await hub.close();
  });

  it('cuts connections that do not close within the grace period', async () => {
    const hub = await harness.hub();
    const stuck = tcpConnect(hub.port, '127.0.0.1');
    await new Promise((resolve) => stuck.once('connect', resolve));
    stuck.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // headers never finish
    const closedByHub = new Promise((resolve) => stuck.once('close', resolve));
    const start = performance.now();
    await hub.close();
    const took = performance.now() - start;
    await closedByHub;
    expect(took).toBeLessThan(SHUTDOWN_GRACE_MS + 1000);
  });

  it('clients with reconnection re-join their room on a restarted hub', async () => {
    const first = await harness.hub({ publishKey: 'restart-key' });
    const reconnecting = { reconnection: true };
    const viewer = await harness.connect(first, { room: 'main', role: 'viewer' }, reconnecting);
    const publisher = await harness.connect(first, { room: 'main', role: 'publisher', key: 'restart-key' }, reconnecting);
    viewer.io.reconnectionDelay(50);
    publisher.io.reconnectionDelay(50);
    const seen: number[] = [];
    viewer.on('frame', (bytes) => seen.push(decodeFrame(asUint8(bytes)).seq));
    await first.close();

    const second = await harness.hub({ port: first.port, publishKey: 'restart-key' });
    const oldIds = [viewer.id, publisher.id];
    await waitUntil(
      () => viewer.connected && publisher.connected && !oldIds.includes(viewer.id) && !oldIds.includes(publisher.id),
      10_000,
      'both clients to reconnect',
    );
    publisher.emit('frame', frameBytes(42));
    await waitUntil(() => seen.includes(42), 3000, 'a frame after the restart');
    expect(second.port).toBe(first.port);
  });
});
