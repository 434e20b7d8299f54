import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDefaultAvatar } from '@rigcast/avatar-gen';
import { readRecording } from '@rigcast/protocol';
import { io } from 'socket.io-client';
import { finished, waitForOutput, type Finished } from './support/childOutput';
import { APP_BUILD_DIRS, ensureAppBuilt } from './support/ensureAppBuilt';
import { REPO_ROOT, sharedPath } from './support/sharedData';

// The hub as a user gets it: packed with pnpm (which builds it and rewrites workspace:*),
// installed with npm into an empty folder outside the repository, and run with plain Node through
// its bin. tsx is a devDependency, so nothing here can lean on it, nor on the checkout around it.

const PNPM = ['-y', 'pnpm@10.34.8'];
const FACE = 'face_landmarker.task';
const DEFAULT_AVATAR = join(REPO_ROOT, 'models/rigcast-default.vrm');
const BANNER_END = /Press Ctrl\+C to stop/;
/** What the package's models folder holds as installed: the manifest, the default avatar, the demo performance and its credit. */
const SHIPPED_MODELS = ['manifest.json', 'rigcast-default.vrm', 'rigcast-demo.md', 'rigcast-demo.rig'];

/** The environment of a user's shell: no package-manager or rigcast variables leaking in from the test run. */
const USER_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(npm_|RIGCAST_|PORT$|NODE_OPTIONS$)/i.test(name)),
) as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string): Promise<Finished> {
  const child = spawn(command, args, { cwd, env: USER_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  return finished(child);
}

async function mustRun(command: string, args: string[], cwd: string): Promise<Finished> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A hub started through the bin the install linked, which is what `npx rigcast-hub` runs. */
interface RunningHub {
  url: string;
  banner: string;
  stop(): Promise<Finished>;
}

async function startInstalledHub(installDir: string, env: Record<string, string>, args: string[] = []): Promise<RunningHub> {
  // Not through npx itself: npx does not pass SIGTERM on, and the test checks the hub's own exit.
  const child = spawn(join(installDir, 'node_modules/.bin/rigcast-hub'), args, {
    cwd: installDir,
    env: { ...USER_ENV, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = finished(child);
  const banner = await waitForOutput(child, BANNER_END).catch(async (error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`the installed hub: ${error.message}\n${(await exit).stderr}`);
  });
  return {
    url: /listening on (http:\/\/\S+)/.exec(banner)![1],
    banner,
    stop: () => {
      child.kill('SIGTERM');
      return exit;
    },
  };
}

/** A stand-in for Google's model storage that serves only the real face bundle. */
async function startModelMirror(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const name = basename(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(name);
    if (name !== FACE) {
      response.writeHead(404).end('not here');
      return;
    }
    const path = sharedPath(`models/${FACE}`);
    response.writeHead(200, { 'Content-Length': statSync(path).size });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

/** A local URL where nothing listens: downloads fail at once, as with no network. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/`;
}

/** GETs `/<app>/`, then the first script its HTML loads, comparing both with the app's own build. */
async function expectRealApp(hubUrl: string, app: 'tracker' | 'avatar'): Promise<void> {
  const buildDir = APP_BUILD_DIRS[app];
  const page = await fetch(`${hubUrl}/${app}/`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toBe(readFileSync(join(buildDir, 'index.html'), 'utf8'));
  const script = /<script[^>]+src="\.\/([^"]+)"/.exec(html)![1];
  const asset = await fetch(`${hubUrl}/${app}/${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
  expect(sha256(new Uint8Array(await asset.arrayBuffer()))).toBe(sha256(readFileSync(join(buildDir, script))));
}

describe('@rigcast/hub packed and installed with npm', () => {
  let workDir = '';
  let installDir = '';
  let hubDir = '';

  beforeAll(async () => {
    // The pack's build copies the apps' builds and the default avatar in; make sure they are current.
    await Promise.all([
      ensureAppBuilt({ appDir: 'apps/tracker', packages: ['packages/solver', 'packages/protocol'] }),
      ensureAppBuilt({ appDir: 'apps/avatar', packages: ['packages/protocol'] }),
    ]);
    if (!existsSync(DEFAULT_AVATAR)) writeFileSync(DEFAULT_AVATAR, generateDefaultAvatar().bytes);

    workDir = mkdtempSync(join(tmpdir(), 'rigcast-pack-'));
    const packs = join(workDir, 'packs');
    // pnpm packs in dependency order, so the hub's build reads the protocol's freshly built types.
    const pack = ['-r', '--filter', '@rigcast/protocol', '--filter', '@rigcast/hub', 'pack', '--pack-destination', packs];
    await mustRun('npx', [...PNPM, ...pack], REPO_ROOT);
    const tarballs = readdirSync(packs).map((file) => join(packs, file));
    expect(tarballs.map((path) => basename(path)).sort()).toEqual(['rigcast-hub-0.1.0.tgz', 'rigcast-protocol-0.1.0.tgz']);

    installDir = join(workDir, 'user');
    mkdirSync(installDir);
    writeFileSync(join(installDir, 'package.json'), '{ "name": "rigcast-user", "private": true }\n');
    await mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], installDir);
    hubDir = join(installDir, 'node_modules/@rigcast/hub');
  }, 240_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('installs as built JavaScript with real dependency versions, its apps and default avatar, and no tsx', () => {
    const manifest = JSON.parse(readFileSync(join(hubDir, 'package.json'), 'utf8'));
    expect(manifest.dependencies['@rigcast/protocol']).toBe('0.1.0');
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(existsSync(join(hubDir, 'src'))).toBe(false);
    expect(existsSync(join(hubDir, 'dist/index.d.ts'))).toBe(true);
    expect(readdirSync(join(hubDir, 'models')).sort()).toEqual(SHIPPED_MODELS);
    expect(existsSync(join(installDir, 'node_modules/tsx'))).toBe(false);
  });

  it('npx rigcast-hub --help prints the help and exits 0', async () => {
    const result = await run('npx', ['--no', '--', 'rigcast-hub', '--help'], installDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rigcast-hub: relays face and body tracking/);
    expect(result.stdout).toContain(`folder (${join(hubDir, 'models')})`);
  });

  it('serves the real tracker and avatar apps, the default avatar, and the models of RIGCAST_MODELS_DIR', async () => {
    const hub = await startInstalledHub(installDir, { RIGCAST_MODELS_DIR: sharedPath('models') });
    let stopped: Finished | undefined;
    try {
      await expectRealApp(hub.url, 'tracker');
      await expectRealApp(hub.url, 'avatar');
      const avatar = await fetch(`${hub.url}/models/rigcast-default.vrm`);
      expect(avatar.status).toBe(200);
      expect(sha256(new Uint8Array(await avatar.arrayBuffer()))).toBe(sha256(readFileSync(DEFAULT_AVATAR)));
      const face = await fetch(`${hub.url}/models/${FACE}`);
      expect(face.status).toBe(200);
      expect(Number(face.headers.get('content-length'))).toBe(statSync(sharedPath(`models/${FACE}`)).size);
    } finally {
      stopped = await hub.stop();
    }
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toBe('');
    expect(stopped.stdout).toMatch(/rigcast-hub: stopped\./);
  });

  it('--demo plays the demo performance it ships into the room, and serves it to the avatar page', async () => {
    const hub = await startInstalledHub(installDir, { RIGCAST_MODELS_DIR: sharedPath('models') }, ['--demo']);
    const demo = readRecording(readFileSync(join(hubDir, 'models/rigcast-demo.rig')));
    const viewer = io(hub.url, { transports: ['websocket'], auth: { room: 'main', role: 'viewer' }, forceNew: true });
    let stopped: Finished | undefined;
    try {
      expect(hub.banner).toMatch(/Demo: the demo performance plays into room main in a loop/);
      const served = await fetch(`${hub.url}/models/rigcast-demo.rig`);
      expect(served.status).toBe(200);
      expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(readFileSync(join(REPO_ROOT, 'packages/hub/models/rigcast-demo.rig'))));
      const got: Uint8Array[] = [];
      viewer.on('frame', (bytes: Uint8Array) => got.push(new Uint8Array(bytes)));
      await new Promise((done) => setTimeout(done, 1500));
      const known = new Set(demo.frames.map((frame) => sha256(frame.bytes)));
      expect(got.length).toBeGreaterThan(10);
      expect(got.every((bytes) => known.has(sha256(bytes)))).toBe(true);
    } finally {
      viewer.disconnect();
      stopped = await hub.stop();
    }
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toBe('');
  });

  it('with no network, says how to get the face model and still serves the apps', async () => {
    const dead = await deadUrl();
    const hub = await startInstalledHub(installDir, { RIGCAST_MODELS_MIRROR: dead });
    let stopped: Finished | undefined;
    try {
      expect(hub.banner).toMatch(/fetching face_landmarker\.task from http:\/\/127\.0\.0\.1:\d+\/face_landmarker\.task/);
      expect((await fetch(`${hub.url}/tracker/`)).status).toBe(200);
      const face = await fetch(`${hub.url}/models/${FACE}`);
      expect(face.status).toBe(404);
      const text = await face.text();
      expect(text).toMatch(/^No model at \/models\/face_landmarker\.task\. The hub's operator can add it to a models folder \(--models-dir or RIGCAST_MODELS_DIR\)/);
      // A viewer learns nothing of the server's folders.
      expect(text).not.toContain(installDir);
    } finally {
      stopped = await hub.stop();
    }
    expect(stopped.code).toBe(0);
    expect(stopped.stderr.split('\n')[0]).toMatch(
      /^rigcast-hub: face_landmarker\.task is missing \(download from http:\/\/127\.0\.0\.1:\d+\/face_landmarker\.task failed: fetch failed \(ECONNREFUSED\)\)\. The tracker page cannot track without it: connect to the internet and restart the hub, or download https:\/\/storage\.googleapis\.com\/\S+\/face_landmarker\.task \(sha256 64184e229b26…\) into a folder and pass it with --models-dir or RIGCAST_MODELS_DIR\.$/,
    );
    expect(readdirSync(join(hubDir, 'models')).sort()).toEqual(SHIPPED_MODELS);
  });

  it('on first start downloads the missing face model into the package, sha256-checked, and keeps it', async () => {
    const mirror = await startModelMirror();
    try {
      const first = await startInstalledHub(installDir, { RIGCAST_MODELS_MIRROR: mirror.url });
      let served: Uint8Array;
      try {
        const face = await fetch(`${first.url}/models/${FACE}`);
        expect(face.status).toBe(200);
        served = new Uint8Array(await face.arrayBuffer());
      } finally {
        await first.stop();
      }
      const official = JSON.parse(readFileSync(join(hubDir, 'models/manifest.json'), 'utf8')).models[0];
      expect(official.file).toBe(FACE);
      expect(first.banner).toMatch(
        new RegExp(`rigcast-hub: face_landmarker\\.task: downloaded from ${mirror.url}face_landmarker\\.task \\(official sha256 verified\\) into ${join(hubDir, 'models')}`),
      );
      expect(sha256(served)).toBe(official.sha256);
      expect(sha256(readFileSync(join(hubDir, 'models', FACE)))).toBe(official.sha256);

      mirror.requests.length = 0;
      const second = await startInstalledHub(installDir, { RIGCAST_MODELS_MIRROR: mirror.url });
      await second.stop();
      expect(mirror.requests).not.toContain(FACE);
      expect(second.banner).not.toMatch(/fetching face_landmarker/);
    } finally {
      await new Promise((done) => mirror.server.close(done));
    }
  });
});
