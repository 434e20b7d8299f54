import { createHub, type Hub, type HubOptions } from '@rigcast/hub';
import { HubClient } from '../../HubClient';
import type { HubClientEvents, HubClientOptions } from '../../HubClientOptions';

/** Delays small enough for tests, with the default policy's shape. */
export const FAST_RETRY = { firstDelayMs: 50, maxDelayMs: 400, jitter: 0 } as const;

/**
 * Real hubs on port 0 and real {@link HubClient}s, all torn down by {@link ClientHarness.cleanup}.
 */
export class ClientHarness {
  private readonly hubs: Hub[] = [];
  private readonly clients: HubClient[] = [];

  async hub(options: HubOptions = {}): Promise<Hub> {
    const hub = await createHub({ port: 0, allowedOrigins: [], ...options });
    this.hubs.push(hub);
    return hub;
  }

  /** A client of `hub` (fast retries unless `options.retry` says otherwise). */
  client(hub: Hub | string, options: Omit<HubClientOptions, 'url'>, events?: HubClientEvents): HubClient {
    const url = typeof hub === 'string' ? hub : hub.url;
    const client = new HubClient({ url, retry: FAST_RETRY, ...options }, events);
    this.clients.push(client);
    return client;
  }

  async cleanup(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.hubs.splice(0).map((hub) => hub.close()));
  }
}

/** Polls `check` until it returns true, or throws after `timeoutMs` saying what it waited for. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** How many handshakes the hub refused with `code`, from its `/metrics`. */
export async function hubRefusals(hub: Hub, code: string): Promise<number> {
  const text = await (await fetch(`${hub.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`rigcast_connect_refusals_total{code="${code}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
