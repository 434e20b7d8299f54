import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubClient, type HubClientOptions } from '@rigcast/client';
import { createHub, type Hub } from '@rigcast/hub';
import { ClientRole, type FrameBytes } from '@rigcast/protocol';

/** The rigcast command's entry point, run from source like `pnpm rigcast`. */
const RIGCAST_MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../cli/src/main.ts');
const FROM_SOURCE = ['--conditions=@rigcast/source', '--import', 'tsx'];

/** Delays small enough for tests. */
const FAST_RETRY = { firstDelayMs: 50, maxDelayMs: 400, jitter: 0 } as const;

/** A frame as a viewer got it, and when (performance.now()). */
export interface Arrival {
  bytes: Uint8Array;
  at: number;
}

/**
 * Real hubs on port 0, real {@link HubClient}s, `rigcast` child processes and a temporary folder,
 * all torn down by {@link RecordHarness.cleanup}.
 */
export class RecordHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'rigcast-record-'));
  private readonly hubs: Hub[] = [];
  private readonly clients: HubClient[] = [];
  private readonly children: ChildProcess[] = [];

  async hub(publishKey = 'test-publish-key'): Promise<Hub> {
    const hub = await createHub({ port: 0, publishKey, allowedOrigins: [], maxFramesPerSecond: 1000 });
    this.hubs.push(hub);
    return hub;
  }

  /** A hub whose viewers need `viewKey`. */
  async hubWithViewKey(viewKey: string): Promise<Hub> {
    const hub = await createHub({ port: 0, publishKey: 'test-publish-key', viewKey, allowedOrigins: [] });
    this.hubs.push(hub);
    return hub;
  }

  /** A path in the temporary folder. */
  path(name: string): string {
    return join(this.dir, name);
  }

  client(hub: Hub, options: Omit<HubClientOptions, 'url'>, events?: ConstructorParameters<typeof HubClient>[1]): HubClient {
    const client = new HubClient({ url: hub.url, retry: FAST_RETRY, ...options }, events);
    this.clients.push(client);
    return client;
  }

  /** A viewer of `room` that keeps every frame it gets (a copy of the bytes) with its arrival time. */
  viewer(hub: Hub, room: string): { client: HubClient; arrivals: Arrival[] } {
    const arrivals: Arrival[] = [];
    const client = this.client(hub, { room, role: ClientRole.Viewer }, {
      onFrame: (bytes: FrameBytes) => arrivals.push({ bytes: bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0)), at: performance.now() }),
    });
    return { client, arrivals };
  }

  /** A publisher of `room` with the hub's key. */
  publisher(hub: Hub, room: string): HubClient {
    return this.client(hub, { room, role: ClientRole.Publisher, key: hub.publishKey });
  }

  /** `rigcast <args>` as a child process, from source. */
  rigcast(args: string[]): ChildProcess {
    const child = spawn(process.execPath, [...FROM_SOURCE, RIGCAST_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.push(child);
    return child;
  }

  async cleanup(): Promise<void> {
    for (const child of this.children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.hubs.splice(0).map((hub) => hub.close()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `check` until it returns true, or throws after `timeoutMs` saying what it waited for. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Sends `frames` through `publisher` at `hz`, each at its own due time and each in its own timer
 * turn (HubClient drops a frame sent in the same turn as the one before). Resolves with how many
 * were sent once all are, or once `stop()` returns true.
 */
export async function publishAtRate(publisher: HubClient, frames: readonly Uint8Array[], hz: number, stop: () => boolean = () => false): Promise<number> {
  const start = performance.now();
  let sent = 0;
  for (const bytes of frames) {
    if (stop()) break;
    const due = start + (sent * 1000) / hz;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    if (!publisher.send(bytes)) throw new Error(`the publisher dropped frame ${sent}`);
    sent++;
  }
  return sent;
}

/** The q-quantile of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
