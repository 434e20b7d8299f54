import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub, type Hub } from '@rigcast/hub';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, waitForOutput, type Finished } from '../../../../test/support/childOutput';

const MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../main.ts');
const FROM_SOURCE = ['--conditions=@rigcast/source', '--import', 'tsx'];
const KEY = 'vmc-cli-key';

const children: ChildProcess[] = [];
let hub: Hub | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await hub?.close();
  hub = undefined;
});

function start(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = command === 'rigcast'
    ? spawn(process.execPath, [...FROM_SOURCE, MAIN, 'vmc', ...args], { env: { ...process.env, RIGCAST_PUBLISH_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

function expectOneLine(result: Finished, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rigcast vmc: /);
  expect(lines[0]).toMatch(pattern);
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(r));
  return port;
}

/** Lines `oscdump` prints until `pattern` shows, probing with `oscsend` until it listens. */
async function oscdump(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = start('/usr/bin/oscdump', ['-L', String(port)]);
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  const deadline = Date.now() + 10_000;
  while (!text.includes('/probe')) {
    if (Date.now() > deadline) throw new Error('oscdump did not start (install liblo-tools)');
    spawn('/usr/bin/oscsend', ['127.0.0.1', String(port), '/probe'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => text };
}

function oscsend(port: number, ...args: string[]): Promise<Finished> {
  return finished(start('/usr/bin/oscsend', ['127.0.0.1', String(port), ...args]));
}

describe('rigcast vmc (real child processes)', () => {
  it('--help documents every option', async () => {
    const result = await finished(start('rigcast', ['--help']));
    expect(result.code).toBe(0);
    for (const flag of ['--hub', '--room', '--in', '--out', '--key', '--view-key', '--arkit-names', '--status', 'RIGCAST_PUBLISH_KEY']) expect(result.stdout).toContain(flag);
  });

  // Every refusal is covered by parseVmcArgs' unit tests; these two check the command's behaviour.
  it.each([
    [[], /--hub is required/],
    [['--hub', 'http://127.0.0.1:1', '--room', 'r', '--key', 'k', '--in', '--out'], /--out 127\.0\.0\.1:39539 is where --in listens/],
  ])('refuses %j with one line and exit code 2', async (args, pattern) => {
    const result = await finished(start('rigcast', args));
    expect(result.code).toBe(2);
    expectOneLine(result, pattern);
  });

  it('bridges oscsend → in → hub → out → oscdump, prints its counters, and exits 0 on SIGTERM', async () => {
    hub = await createHub({ port: 0, allowedOrigins: [], publishKey: KEY });
    const dumpPort = await freeUdpPort();
    const dump = await oscdump(dumpPort);
    const bridge = start('rigcast', ['--hub', hub.url, '--room', 'cli', '--key', KEY, '--in', '127.0.0.1:0', '--out', `127.0.0.1:${dumpPort}`, '--status', '1']);
    const done = finished(bridge);
    const started = await waitForOutput(bridge, /out: hub connected/);
    const inPort = Number(/in: listening for VMC on UDP 127\.0\.0\.1:(\d+)/.exec(started)![1]);
    expect(started).toMatch(/in: hub connected/);

    // An independent sender, one message per datagram: the values, then Apply.
    await oscsend(inPort, '/VMC/Ext/Blend/Val', 'sf', 'jawOpen', '0.5');
    await oscsend(inPort, '/VMC/Ext/Bone/Pos', 'sfffffff', 'Head', '0', '0', '0', '0', '0.258819', '0', '0.965926');
    await oscsend(inPort, '/VMC/Ext/Bone/Pos', 'siiiiiii', 'Head', '0', '0', '0', '0', '0', '0', '1');
    await oscsend(inPort, '/VMC/Ext/Blend/Apply');
    const deadline = Date.now() + 15_000;
    while (!/Blend\/Val sf "jawOpen" 0\.5\d*/.test(dump.output())) {
      if (Date.now() > deadline) throw new Error(`jawOpen 0.5 never reached oscdump: ${dump.output().slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The head comes back as it went in, 30° about Unity's +Y: the neck takes 40 % of it, at the default avatar's neck offset.
    const neck = /Bone\/Pos sfffffff "Neck" (.*)/.exec(dump.output())![1].split(' ').map(Number);
    const expected = [0, 0.095, -0.005, 0, Math.sin((6 * Math.PI) / 180), 0, Math.cos((6 * Math.PI) / 180)];
    neck.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 4));
    const status = await waitForOutput(bridge, /in: 1 frames .* ignored 1 \(wrong-type 1\) .* hub connected[\s\S]*out: 1 frames .* to 127\.0\.0\.1:\d+ · datagrams 3/);
    expect(status).toMatch(/from 127\.0\.0\.1:\d+ · published 1/);
    bridge.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SIGTERM, closing…\nrigcast vmc: stopped\./);
    expect(result.stderr).toBe('');
  });

  it('says which port is taken and exits 1 when --in cannot listen', async () => {
    const taken = createSocket('udp4');
    await new Promise<void>((r) => taken.bind(0, '127.0.0.1', r));
    try {
      const result = await finished(start('rigcast', ['--hub', 'http://127.0.0.1:1', '--room', 'r', '--key', 'k', '--in', `127.0.0.1:${taken.address().port}`]));
      expect(result.code).toBe(1);
      expectOneLine(result, new RegExp(`UDP port ${taken.address().port} on 127\\.0\\.0\\.1 is in use.*--in`));
    } finally {
      taken.close();
    }
  });
});
