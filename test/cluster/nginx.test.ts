import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFrame } from '@rigcast/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort } from '../../scripts/cluster/freePort.js';
import { HubNode } from '../../scripts/cluster/HubNode.js';
import { DEPLOY_NGINX_DIR, NginxServer, nginxMainConfig } from '../../scripts/cluster/NginxServer.js';
import { PUBLISH_KEY } from './support/Cluster.js';
import { testFrame, waitFor } from './support/Probes.js';

/** deploy/nginx/rigcast-locations.conf: `limit_req … burst=40`. */
const NGINX_BURST = 40;
const TOO_MANY_REQUESTS = 429;

let hub: HubNode;
let certDir: string;
beforeAll(async () => {
  // Connection limits in the hub off, so that what is refused here is nginx's doing.
  hub = await HubNode.start({ publishKey: PUBLISH_KEY, env: { RIGCAST_MAX_CONNECTIONS_PER_IP: '0', RIGCAST_MAX_CONNECTS_PER_SECOND: '0' } });
  certDir = mkdtempSync(join(tmpdir(), 'rigcast-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=rigcast.example.com', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
});
afterAll(async () => {
  await hub?.stop();
  rmSync(certDir, { recursive: true, force: true });
});

/** Opens a Socket.IO WebSocket through nginx from `localAddress`; resolves with the HTTP status (101 when upgraded). */
function upgradeStatus(url: string, localAddress: string): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { localAddress });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', () => resolve({ status: 0 }));
  });
}

describe('the shipped nginx configuration', () => {
  it('throttles connection attempts per address past its burst, but never this machine (127.0.0.1)', async () => {
    const nginx = await NginxServer.start({ hubPorts: [hub.port] });
    const open: WebSocket[] = [];
    try {
      const attempts = NGINX_BURST + 10;
      const local = await Promise.all(Array.from({ length: attempts }, () => upgradeStatus(nginx.url, '127.0.0.1')));
      const stranger = await Promise.all(Array.from({ length: attempts }, () => upgradeStatus(nginx.url, '127.0.0.2')));
      for (const r of [...local, ...stranger]) if (r.socket) open.push(r.socket);
      expect(local.every((r) => r.status === 101)).toBe(true);
      const refused = stranger.filter((r) => r.status === TOO_MANY_REQUESTS).length;
      expect(stranger.filter((r) => r.status === 101).length).toBeGreaterThanOrEqual(NGINX_BURST);
      expect(refused).toBeGreaterThan(0);
      expect(refused + stranger.filter((r) => r.status === 101).length).toBe(attempts);
    } finally {
      for (const socket of open) socket.terminate();
      await nginx.stop();
    }
  });

  it('the TLS example (deploy/nginx/rigcast.conf) serves pages over HTTPS, WebSockets as wss://, and redirects http:// to https://', async () => {
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const example = readFileSync(join(DEPLOY_NGINX_DIR, 'rigcast.conf'), 'utf8')
      .replaceAll('/etc/nginx/rigcast/', `${DEPLOY_NGINX_DIR}/`)
      .replace(/( *server 10\.0\.0\.\d+:8080[^\n]*\n)+/, `    server 127.0.0.1:${hub.port} max_fails=1 fail_timeout=5s;\n`)
      .replace(/ *listen \[::\]:\d+[^\n]*\n/g, '')
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
      .replace(/\/etc\/letsencrypt\/live\/rigcast\.example\.com\/fullchain\.pem/, join(certDir, 'cert.pem'))
      .replace(/\/etc\/letsencrypt\/live\/rigcast\.example\.com\/privkey\.pem/, join(certDir, 'key.pem'));
    expect(example).toContain(`listen 127.0.0.1:${httpsPort} ssl;`);
    const nginx = await NginxServer.run((dir) => nginxMainConfig(dir, example), httpsPort);
    const https = `https://127.0.0.1:${httpsPort}`;
    const agent = new Agent({ rejectUnauthorized: false });
    const sockets: ReturnType<typeof io>[] = [];
    try {
      const redirect = await fetch(`http://127.0.0.1:${httpPort}/avatar/?room=main`, { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('https://127.0.0.1/avatar/?room=main');

      const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        import('node:https').then(({ get }) =>
          get(`${https}/healthz`, { agent }, (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          }).on('error', reject),
        );
      });
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ ok: true });

      const connect = (auth: object) => {
        const socket = io(https, { transports: ['websocket'], auth, forceNew: true, reconnection: false, rejectUnauthorized: false });
        sockets.push(socket);
        return socket;
      };
      const viewer = connect({ room: 'tls', role: 'viewer' });
      const publisher = connect({ room: 'tls', role: 'publisher', key: PUBLISH_KEY });
      const seqs: number[] = [];
      viewer.on('frame', (bytes: Buffer) => seqs.push(decodeFrame(bytes).seq));
      await waitFor(() => viewer.connected && publisher.connected, 'both clients over wss://');
      for (let seq = 1; seq <= 5; seq++) publisher.emit('frame', testFrame(seq));
      await waitFor(() => seqs.length === 5, 'five frames over wss://');
      expect(seqs).toEqual([1, 2, 3, 4, 5]);
    } finally {
      for (const socket of sockets) socket.disconnect();
      await nginx.stop();
    }
  });
});
