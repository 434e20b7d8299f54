// Independent VMC peers for the tests: Debian's liblo (python3-liblo to send, oscdump to receive).
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's Python, which has python3-liblo (a `python3` first on PATH, e.g. pyenv's, may not). */
export const PYTHON = '/usr/bin/python3';
const PLAYER = resolve(dirname(fileURLToPath(import.meta.url)), 'vmc_player.py');
const INSTALL = 'install Debian\'s liblo-tools and python3-liblo (.ci/run does)';

/** Throws a message that says what to install when the peers are missing. */
export function requirePeers(): void {
  for (const tool of ['/usr/bin/oscdump', '/usr/bin/oscsend', PYTHON]) if (!existsSync(tool)) throw new Error(`${tool} is missing: ${INSTALL}`);
}

/** An OSC argument for the player: its type tag and value. */
export type PlayerArg = ['s', string] | ['f', number] | ['i', number];
/** A message for the player: address and arguments. */
export type PlayerMessage = [string, PlayerArg[]];

/** A running {@link playVmc}. */
export interface Playback {
  /** Wall-clock time (ms since the epoch) the first cycle was due. */
  started: Promise<number>;
  /** Resolves when every cycle is sent, with the worst lateness of the schedule and when each cycle went out (ms since the epoch). */
  done: Promise<{ sent: number; lateMs: number; sentAt: number[] }>;
  child: ChildProcess;
}

/** Plays `cycles` (each a list of bundles) to `host:port` at `hz` with python3-liblo. */
export function playVmc(host: string, port: number, hz: number, cycles: PlayerMessage[][][]): Playback {
  const child = spawn(PYTHON, [PLAYER], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines: ((line: Record<string, number & number[]>) => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      lines.shift()?.(line);
    }
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('close', (code) => reject(new Error(`the liblo player exited (${code}) early: ${stderr || 'no output'}; ${INSTALL}`))),
  );
  const next = () => Promise.race([new Promise<Record<string, number & number[]>>((r) => lines.push(r)), exited]);
  const started = next().then((line) => line.start * 1000);
  const done = started.then(next).then((line) => ({ sent: line.sent, lateMs: line.late_ms, sentAt: line.sent_at }));
  done.catch(() => {});
  child.stdin!.end(JSON.stringify({ host, port, hz, cycles }));
  return { started, done, child };
}

/** A message oscdump printed: address, type tags and arguments, and when the line arrived (ms, performance.now()). */
export interface DumpedMessage {
  address: string;
  tags: string;
  args: (string | number)[];
  at: number;
}

/** Parses one line of `oscdump`: `<time tag> <address> <tags> <args…>`, strings in double quotes. */
export function parseOscdumpLine(line: string, at: number): DumpedMessage | null {
  const tokens = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? { text: m[1], quoted: true } : { text: m[2], quoted: false }));
  if (tokens.length < 2 || !tokens[1].text.startsWith('/')) return null;
  const hasTags = tokens.length > 2 && !tokens[2].quoted && /^[a-zA-Z]*$/.test(tokens[2].text);
  const tags = hasTags ? tokens[2].text : '';
  const args = tokens.slice(hasTags ? 3 : 2).map((t, i) => (tags[i] === 's' ? t.text : Number(t.text)));
  return { address: tokens[1].text, tags, args, at };
}

/** The messages of each complete VMC cycle oscdump printed: from a Root/Pos to the T after it. */
export function dumpedCycles(messages: readonly DumpedMessage[]): DumpedMessage[][] {
  const cycles: DumpedMessage[][] = [];
  let current: DumpedMessage[] | null = null;
  for (const m of messages) {
    if (m.address === '/VMC/Ext/Root/Pos') current = [];
    current?.push(m);
    if (m.address === '/VMC/Ext/T' && current) {
      cycles.push(current);
      current = null;
    }
  }
  return cycles;
}

/** A UDP port that was free a moment ago (oscdump takes a number, not 0). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(r));
  return port;
}

/** `oscdump` on a UDP port: every message it prints, parsed, as it arrives. */
export class Oscdump {
  readonly messages: DumpedMessage[] = [];
  private readonly child: ChildProcess;
  private buffer = '';
  private stderr = '';

  private constructor(readonly port: number) {
    this.child = spawn('/usr/bin/oscdump', ['-L', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.child.stdout!.on('data', (chunk) => {
      const at = performance.now();
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        const message = parseOscdumpLine(this.buffer.slice(0, newline), at);
        this.buffer = this.buffer.slice(newline + 1);
        if (message) this.messages.push(message);
      }
    });
  }

  /** Starts oscdump on a free port and resolves once it answers a probe sent with oscsend. */
  static async start(): Promise<Oscdump> {
    const dump = new Oscdump(await freeUdpPort());
    const deadline = Date.now() + 10_000;
    while (!dump.messages.some((m) => m.address === '/rigcast/probe')) {
      if (Date.now() > deadline) throw new Error(`oscdump on port ${dump.port} did not answer: ${dump.stderr}`);
      spawn('/usr/bin/oscsend', ['127.0.0.1', String(dump.port), '/rigcast/probe'], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 100));
    }
    dump.messages.length = 0;
    return dump;
  }

  /** Stops oscdump. */
  close(): void {
    this.child.kill();
  }
}

/** Polls `check` until true, or throws after `timeoutMs` naming what it waited for. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
