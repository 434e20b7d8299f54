import { request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HubHarness, connectErrorOf, fetchMetrics, metricValue } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());
const viewer = { room: 'main', role: 'viewer' };

describe('Origin allow-list on WebSocket upgrades', () => {
  it('refuses a foreign Origin and counts it', async () => {
    const hub = await harness.hub();
    const error = await connectErrorOf(harness, hub, viewer, { extraHeaders: { Origin: 'https://evil.example' } });
    expect(error.message).toMatch(/websocket error/);
    const description = (error as Error & { description?: { message?: string } }).description;
    expect(description?.message).toMatch(/Unexpected server response: 400/);
    expect(metricValue(await fetchMetrics(hub), 'rigcast_connect_refusals_total', { code: 'bad-origin' })).toBe(1);
  });

  it('answers a foreign upgrade request with a refusal that says why', async () => {
    const hub = await harness.hub();
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${hub.url}/socket.io/?EIO=4&transport=websocket`, {
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          Origin: 'https://evil.example',
        },
      });
      req.on('response', resolve);
      req.on('upgrade', () => reject(new Error('the hub upgraded a foreign origin')));
      req.on('error', reject);
      req.end();
    });
    // engine.io answers every refused upgrade with 400; the body says why.
    expect(response.statusCode).toBe(400);
    const body = await new Promise<string>((resolve) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text));
    });
    expect(body).toMatch(/bad-origin: pages from https:\/\/evil.example may not connect; add that origin to RIGCAST_ALLOWED_ORIGINS/);
  });

  it('allows no Origin, the same origin and loopback origins on any port', async () => {
    const hub = await harness.hub();
    await harness.connect(hub, viewer);
    await harness.connect(hub, viewer, { extraHeaders: { Origin: hub.url } });
    for (const origin of ['http://localhost:5173', 'https://127.0.0.1:1', 'http://[::1]:9000']) {
      await harness.connect(hub, viewer, { extraHeaders: { Origin: origin } });
    }
  });

  it('allows the extra origins given, and only those', async () => {
    const hub = await harness.hub({ allowedOrigins: ['https://studio.example', 'http://192.168.1.20:8080/'] });
    await harness.connect(hub, viewer, { extraHeaders: { Origin: 'https://studio.example' } });
    await harness.connect(hub, viewer, { extraHeaders: { Origin: 'http://192.168.1.20:8080' } });
    await connectErrorOf(harness, hub, viewer, { extraHeaders: { Origin: 'https://studio.example.evil' } });
    await connectErrorOf(harness, hub, viewer, { extraHeaders: { Origin: 'http://studio.example' } });
  });

  it('rejects a malformed allow-list entry at start with a clear error', async () => {
    await expect(harness.hub({ allowedOrigins: ['studio.example/path'] })).rejects.toThrow(/is not an origin; write it like https:\/\/example.com/);
  });
});
