import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFrame, readRecording } from '@rigcast/protocol';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, waitForOutput, type Finished } from '../../../../test/support/childOutput.js';
import { sharedPath } from '../../../../test/support/sharedData.js';
import { CLI_OPTIONS } from '../cli/CliOption.js';
import { PACKAGE_DIR, PACKAGE_PATHS } from '../packagePaths.js';
import { HubHarness, asUint8, connected, frameBytes, nextEvent, type ClientSocket } from './support/HubHarness.js';

// The CLI from source; test/hub-package.test.ts runs the built bin from an installed package.
const CLI = join(PACKAGE_DIR, 'src/cli.ts');
const FROM_SOURCE = ['--conditions=@rigcast/source', '--import', 'tsx'];
const NO_SUCH_DIR = join(PACKAGE_DIR, 'no-such-build');
/** The real MediaPipe bundles, so a hub that starts has nothing to download. */
const MODELS = sharedPath('models');

const children: ChildProcess[] = [];
const harness = new HubHarness();
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await harness.cleanup();
});

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [...FROM_SOURCE, CLI, ...args], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, PORT: '0', RIGCAST_MODELS_DIR: MODELS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return finished(start(args, env));
}

function expectOneLine(result: Finished, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rigcast-hub: /);
  expect(lines[0]).toMatch(pattern);
}

describe('rigcast-hub CLI (real child processes)', () => {
  it('--help documents every option and environment variable', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const option of CLI_OPTIONS) {
      expect(result.stdout).toContain(option.flag);
      if ('env' in option) expect(result.stdout).toContain(option.env);
    }
  });

  it('prints the tracker URL with the key and the avatar URL, relays frames, and exits 0 on SIGTERM', async () => {
    const child = start(['--allow-missing-apps', '--room', 'stage'], { RIGCAST_PUBLISH_KEY: 'cli-test-key' });
    const exit = finished(child);
    const banner = await waitForOutput(child, /\/avatar\/\?room=stage/);
    const tracker = new URL(/(http:\/\/\S+\/tracker\/\S+)/.exec(banner)![1]);
    const avatar = new URL(/(http:\/\/\S+\/avatar\/\S+)/.exec(banner)![1]);
    expect(tracker.searchParams.get('room')).toBe('stage');
    expect(tracker.searchParams.get('key')).toBe('cli-test-key');
    expect(avatar.searchParams.get('key')).toBeNull();
    expect(tracker.hostname).toBe('127.0.0.1');

    const base = tracker.origin;
    const sockets: ClientSocket[] = [];
    const client = (auth: object): ClientSocket => {
      const socket: ClientSocket = io(base, { transports: ['websocket'], auth, autoConnect: false, reconnection: false, forceNew: true });
      sockets.push(socket);
      return socket;
    };
    try {
      const viewer = await connected(client({ room: avatar.searchParams.get('room'), role: 'viewer' }));
      const publisher = await connected(client({ room: 'stage', role: 'publisher', key: tracker.searchParams.get('key') }));
      const got = nextEvent<Uint8Array>(viewer, 'frame');
      publisher.emit('frame', frameBytes(31));
      expect(decodeFrame(asUint8(await got)).seq).toBe(31);
      expect((await (await fetch(`${base}/healthz`)).json()).connections).toBe(2);

      const viewerGone = nextEvent<string>(viewer, 'disconnect');
      child.kill('SIGTERM');
      const result = await exit;
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(await viewerGone).toBe('transport close');
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  it('--demo plays the shipped demo performance into the room, byte for byte, until SIGTERM', async () => {
    const demo = readRecording(readFileSync(PACKAGE_PATHS.demo));
    const child = start(['--allow-missing-apps', '--demo', '--room', 'stage'], { RIGCAST_PUBLISH_KEY: 'demo-key' });
    const exit = finished(child);
    const banner = await waitForOutput(child, /Press Ctrl\+C/);
    expect(banner).toMatch(/Demo: the demo performance plays into room stage in a loop/);
    const base = new URL(/(http:\/\/\S+\/avatar\/\S+)/.exec(banner)![1]).origin;
    const viewer: ClientSocket = io(base, { transports: ['websocket'], auth: { room: 'stage', role: 'viewer' }, reconnection: false, forceNew: true });
    try {
      const got: Uint8Array[] = [];
      viewer.on('frame', (bytes: unknown) => got.push(asUint8(bytes).slice()));
      await connected(viewer);
      // About a second of the performance, then the bytes of the frames that followed the first.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(got.length).toBeGreaterThan(10);
      const first = demo.frames.findIndex((frame) => Buffer.compare(frame.bytes, got[1]) === 0);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(got.slice(1, 10).map((bytes) => Array.from(bytes))).toEqual(demo.frames.slice(first, first + 9).map((frame) => Array.from(frame.bytes)));
      child.kill('SIGTERM');
      const result = await exit;
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    } finally {
      viewer.disconnect();
    }
  });

  it('generates a publish key when none is set and says so', async () => {
    const child = start(['--allow-missing-apps'], { RIGCAST_PUBLISH_KEY: '' });
    const exit = finished(child);
    const banner = await waitForOutput(child, /Press Ctrl\+C/);
    const key = new URL(/(http:\/\/\S+\/tracker\/\S+)/.exec(banner)![1]).searchParams.get('key');
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(banner).toMatch(/RIGCAST_PUBLISH_KEY/);
    child.kill('SIGINT');
    expect((await exit).code).toBe(0);
  });

  it('a port in use is one clear line and a non-zero exit', async () => {
    const busy = await harness.hub();
    const result = await run(['--allow-missing-apps'], { PORT: String(busy.port) });
    expect(result.code).not.toBe(0);
    expectOneLine(result, new RegExp(`port ${busy.port} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('bad environment values are one clear line each and a non-zero exit', async () => {
    // Every message is checked in cli/tests/parseCliConfig.test.ts; here, that they reach the user as one line.
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /PORT must be a whole number from 0 to 65535, got "eighty"/],
      [{ RIGCAST_MODELS_DIR: NO_SUCH_DIR }, /RIGCAST_MODELS_DIR must be an existing folder/],
    ];
    const results = await Promise.all(cases.map(([env]) => run(['--allow-missing-apps'], env)));
    results.forEach((result, i) => {
      expect(result.code).toBe(2);
      expectOneLine(result, cases[i][1]);
      expect(result.stdout).toBe('');
    });
    const unknown = await run(['--prot', '80']);
    expect(unknown.code).toBe(2);
    expectOneLine(unknown, /unknown option "--prot"; run rigcast-hub --help/);
  });

  it('refuses to start without a built app unless --allow-missing-apps', async () => {
    const result = await run(['--tracker-dir', NO_SUCH_DIR]);
    expect(result.code).toBe(1);
    expectOneLine(result, /the tracker app is not built \(.*no-such-build\/index\.html is missing\); run "npx -y pnpm@10\.34\.8 run build" first, or pass --allow-missing-apps/);
  });

  it('--offline starts without the MediaPipe models and says, one line each, what is missing and how to get it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rigcast-no-models-'));
    try {
      const child = start(['--allow-missing-apps', '--offline'], { RIGCAST_MODELS_DIR: empty });
      const exit = finished(child);
      await waitForOutput(child, /Press Ctrl\+C/);
      child.kill('SIGTERM');
      const result = await exit;
      expect(result.code).toBe(0);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(
          /^rigcast-hub: face_landmarker\.task is missing \(not downloaded: --offline\)\. The tracker page cannot track without it: start without --offline to download it, or download https:\/\/storage\.googleapis\.com\/\S+\/face_landmarker\.task \(sha256 64184e229b26…\) into a folder and pass it with --models-dir or RIGCAST_MODELS_DIR\.$/,
        ),
        'rigcast-hub: optional model pose_landmarker_lite.task is missing (not downloaded: --offline); the hub runs without it.',
        'rigcast-hub: optional model hand_landmarker.task is missing (not downloaded: --offline); the hub runs without it.',
      ]);
      expect(result.stdout).not.toMatch(/fetching/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
