import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HubHarness } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

let root: string;
let trackerDist: string;
let modelsA: string;
let modelsB: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rigcast-hub-http-'));
  trackerDist = join(root, 'tracker');
  mkdirSync(join(trackerDist, 'assets'), { recursive: true });
  writeFileSync(join(trackerDist, 'index.html'), '<!doctype html><title>tracker build</title>');
  writeFileSync(join(trackerDist, 'assets', 'main-abc123.js'), 'console.log("tracker")');
  modelsA = join(root, 'models-a');
  modelsB = join(root, 'models-b');
  mkdirSync(modelsA);
  mkdirSync(modelsB);
  writeFileSync(join(modelsA, 'face_landmarker.task'), Buffer.from([1, 2, 3]));
  writeFileSync(join(modelsA, 'shared.vrm'), 'from A');
  writeFileSync(join(modelsB, 'shared.vrm'), 'from B');
  writeFileSync(join(modelsB, 'rigcast-default.vrm'), Buffer.from('glTF'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('HTTP endpoints', () => {
  it('GET /healthz reports ok, uptime, rooms and connections', async () => {
    const hub = await harness.hub();
    await harness.connect(hub, { room: 'one', role: 'viewer' });
    await harness.connect(hub, { room: 'two', role: 'viewer' });
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, rooms: 2, connections: 2 });
    expect(body.uptime).toBeGreaterThan(0);
  });

  it('serves a built app with index.html fallback, and redirects /tracker to /tracker/', async () => {
    const hub = await harness.hub({ appsDirs: { tracker: trackerDist, avatar: join(root, 'no-avatar-build') } });
    const index = await fetch(`${hub.url}/tracker/?room=main&key=k`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('tracker build');
    const asset = await fetch(`${hub.url}/tracker/assets/main-abc123.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const deep = await fetch(`${hub.url}/tracker/settings/camera`);
    expect(await deep.text()).toContain('tracker build');
    expect((await fetch(`${hub.url}/tracker/assets/missing.js`)).status).toBe(404);
    const bare = await fetch(`${hub.url}/tracker?room=main`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/tracker/?room=main');
  });

  it('shows a placeholder that says to build when an app is missing', async () => {
    const hub = await harness.hub({ appsDirs: { tracker: trackerDist, avatar: join(root, 'no-avatar-build') } });
    const res = await fetch(`${hub.url}/avatar/?room=main`);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain('The avatar app is not built yet');
    expect(html).not.toContain(root);
    expect(html).toContain('pnpm@10.34.8 run build');
  });

  it('serves /models/ from several folders, first hit wins, with model content types and CORS', async () => {
    const hub = await harness.hub({ modelsDirs: [modelsA, modelsB] });
    const task = await fetch(`${hub.url}/models/face_landmarker.task`);
    expect(task.status).toBe(200);
    expect(task.headers.get('content-type')).toBe('application/octet-stream');
    expect(task.headers.get('access-control-allow-origin')).toBe('*');
    expect([...new Uint8Array(await task.arrayBuffer())]).toEqual([1, 2, 3]);

    const shared = await fetch(`${hub.url}/models/shared.vrm`);
    expect(shared.headers.get('content-type')).toBe('model/gltf-binary');
    expect(await shared.text()).toBe('from A');
    expect(await (await fetch(`${hub.url}/models/rigcast-default.vrm`)).text()).toBe('glTF');

    const missing = await fetch(`${hub.url}/models/nothing.vrm`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect(await missing.text()).toMatch(/RIGCAST_MODELS_DIR/);
    expect((await fetch(`${hub.url}/models/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });

  it('never shows a folder of the server or a stack trace, whatever the request', async () => {
    const hub = await harness.hub({ modelsDirs: [modelsA, modelsB], appsDirs: { tracker: trackerDist, avatar: join(root, 'no-avatar-build') } });
    const requests = [
      '/models/nothing.vrm',
      '/models/%E0%A4%A',
      '/models/..%2f..%2fetc%2fpasswd',
      '/tracker/%',
      '/tracker/assets/%E0%A4%A.js',
      '/avatar/',
      '/no/such/page',
      '/healthz/%',
    ];
    for (const path of requests) {
      const res = await fetch(`${hub.url}${path}`);
      const body = await res.text();
      expect(body, path).not.toContain(root);
      expect(body, path).not.toMatch(/\/(work|home|tmp|usr|root)\/|node_modules|\.ts:\d|at [\w.<>]+ \(/);
    }
  });

  it('restricts /metrics to a bearer token when given one', async () => {
    const hub = await harness.hub({ metricsToken: 'scrape-me' });
    const anonymous = await fetch(`${hub.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toMatch(/rigcast_/);
    expect((await fetch(`${hub.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const allowed = await fetch(`${hub.url}/metrics`, { headers: { Authorization: 'Bearer scrape-me' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/^# TYPE rigcast_room_viewers gauge$/m);
  });

  it('serves /metrics on a loopback-only port of its own when given one, and not on the public port', async () => {
    const hub = await harness.hub({ metricsPort: 0 });
    expect(hub.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(404);
    const own = await fetch(hub.metricsUrl!);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/^rigcast_connections/m);
  });

  it('serves a landing page at / that links to both apps and never shows the publish key', async () => {
    const hub = await harness.hub();
    const html = await (await fetch(`${hub.url}/`)).text();
    expect(html).toContain('href="/tracker/"');
    expect(html).toContain('href="/avatar/?room=main"');
    expect(html).not.toContain(hub.publishKey);
  });
});
