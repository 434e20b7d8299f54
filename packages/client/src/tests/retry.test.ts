import { ClientRole, ConnectErrorCode, createNeutralFrame, decodeFrame, encodeFrame } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { Backoff } from '../Backoff';
import { ConnectionState } from '../ConnectionState';
import { DEFAULT_RETRY_POLICY } from '../RetryPolicy';
import { ClientHarness, FAST_RETRY, hubRefusals, waitFor } from './support/ClientHarness';

const harness = new ClientHarness();
afterEach(() => harness.cleanup());

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('HubClient retry policy', () => {
  it('after refusals retries with doubling delays up to the cap, and connects once the key is right', async () => {
    const wrongKeyHub = await harness.hub({ publishKey: 'old-key' });
    const refusedAt: number[] = [];
    const delays: number[] = [];
    const client = harness.client(
      wrongKeyHub,
      { room: 'main', role: ClientRole.Publisher, key: 'new-key' },
      {
        onChange: () => {
          // While refused, each change is one more refusal.
          if (client.state === ConnectionState.Refused) {
            refusedAt.push(performance.now());
            delays.push(client.retryDelayMs);
          }
        },
      },
    );
    await waitFor(() => delays.length >= 7, 'seven refusals', 10_000);
    expect(delays.slice(0, 7)).toEqual([50, 100, 200, 400, 400, 400, 400]);
    for (let i = 1; i < 7; i++) expect(refusedAt[i] - refusedAt[i - 1]).toBeGreaterThanOrEqual(delays[i - 1] - 2);
    expect(await hubRefusals(wrongKeyHub, ConnectErrorCode.BadKey)).toBeGreaterThanOrEqual(7);

    // The operator restarts the hub with the key the client has: no restart of the client needed.
    await wrongKeyHub.close();
    await harness.hub({ port: wrongKeyHub.port, publishKey: 'new-key' });
    await waitFor(() => client.connected, 'the connection with the right key', 10_000);
    expect(client.state).toBe(ConnectionState.Connected);
    expect(client.code).toBeNull();
    expect(client.detail).toBe('');
    expect(client.retryDelayMs).toBeNaN();
  });

  it('a connection starts the delays over', async () => {
    const hub = await harness.hub({ publishKey: 'k' });
    const client = harness.client(hub, { room: 'main', role: ClientRole.Publisher, key: 'k' });
    await waitFor(() => client.connected, 'the first connection');
    await hub.close();
    await waitFor(() => client.state === ConnectionState.Reconnecting, 'the loss');
    expect(client.retryDelayMs).toBe(FAST_RETRY.firstDelayMs);
    await waitFor(() => client.retryDelayMs === FAST_RETRY.maxDelayMs, 'the delays to reach the cap');
    const back = await harness.hub({ port: hub.port, publishKey: 'k' });
    await waitFor(() => client.connected, 'the reconnection');
    await back.close();
    await waitFor(() => client.state === ConnectionState.Reconnecting, 'the second loss');
    expect(client.retryDelayMs).toBe(FAST_RETRY.firstDelayMs);
  });

  it('reconnects and re-joins its room after a hub restart: frames flow again', async () => {
    const first = await harness.hub({ publishKey: 'k' });
    const received: number[] = [];
    const viewer = harness.client(first, { room: 'stage', role: ClientRole.Viewer }, { onFrame: (bytes) => received.push(decodeFrame(new Uint8Array(bytes)).seq) });
    const publisher = harness.client(first, { room: 'stage', role: ClientRole.Publisher, key: 'k' });
    await waitFor(() => viewer.connected && publisher.connected, 'both clients');
    await first.close();
    await waitFor(() => !viewer.connected && !publisher.connected, 'both to notice');
    // Dropped, not queued, while the hub is away.
    expect(publisher.send(new Uint8Array([1]))).toBe(false);
    expect(publisher.framesSent).toBe(0);

    const second = await harness.hub({ port: first.port, publishKey: 'k' });
    await waitFor(() => viewer.connected && publisher.connected, 'both clients to re-join', 10_000);
    expect([viewer.joins, publisher.joins]).toEqual([2, 2]);
    // A real frame from the publisher reaches the viewer through the restarted hub.
    const bytes = encodeFrame(createNeutralFrame(7, 7));
    await waitFor(() => {
      publisher.send(bytes);
      return received.length > 0;
    }, 'a frame after the restart');
    expect(received[0]).toBe(7);
    expect(publisher.framesSent).toBeGreaterThan(0);
    // The byte sent while away was not replayed: the hub would have rejected it.
    expect(publisher.rejectedCount).toBe(0);
    expect(second.port).toBe(first.port);
  });

  it('close() stops retrying', async () => {
    const hub = await harness.hub({ publishKey: 'right' });
    const client = harness.client(hub, { room: 'main', role: ClientRole.Publisher, key: 'wrong' });
    await waitFor(() => client.state === ConnectionState.Refused, 'the refusal');
    client.close();
    expect(client.state).toBe(ConnectionState.Closed);
    const refusals = await hubRefusals(hub, ConnectErrorCode.BadKey);
    await sleep(3 * FAST_RETRY.maxDelayMs);
    expect(await hubRefusals(hub, ConnectErrorCode.BadKey)).toBe(refusals);
    expect(client.state).toBe(ConnectionState.Closed);
    expect(client.retryDelayMs).toBeNaN();
  });
});

describe('Backoff', () => {
  it('doubles from the first delay to the cap and starts over on reset', () => {
    const backoff = new Backoff({ firstDelayMs: 500, maxDelayMs: 10_000, jitter: 0 });
    const delays = Array.from({ length: 8 }, () => backoff.next());
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it('with jitter, shortens each delay by at most that share and never exceeds the cap', () => {
    const backoff = new Backoff(DEFAULT_RETRY_POLICY);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const base = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.firstDelayMs * 2 ** i);
      const delay = backoff.next();
      expect(delay).toBeLessThanOrEqual(base);
      expect(delay).toBeGreaterThanOrEqual(base * (1 - DEFAULT_RETRY_POLICY.jitter));
      seen.add(Math.round(delay));
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it('refuses a policy that cannot work', () => {
    expect(() => new Backoff({ firstDelayMs: 0, maxDelayMs: 10, jitter: 0 })).toThrow(/0 < firstDelayMs ≤ maxDelayMs/);
    expect(() => new Backoff({ firstDelayMs: 100, maxDelayMs: 10, jitter: 0 })).toThrow(/0 < firstDelayMs ≤ maxDelayMs/);
    expect(() => new Backoff({ firstDelayMs: 1, maxDelayMs: 10, jitter: 2 })).toThrow(/jitter must be in \[0, 1\]/);
  });
});
