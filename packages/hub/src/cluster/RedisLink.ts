import { Redis, type RedisOptions } from 'ioredis';
import { RedisLinkState } from '../relay/RoomAdapter.js';

/** Reconnect delays after a lost connection: 100 ms, 200 ms, … at most this (so a returned Redis is found within it). */
export const REDIS_RETRY_MAX_MS = 1000;
const REDIS_RETRY_STEP_MS = 100;
/** How often the command connection is pinged, to notice a Redis that is connected but does not answer. */
const PING_INTERVAL_MS = 250;
/** A ping unanswered this long means Redis is stalled (paused, overloaded or cut off). */
export const REDIS_STALL_MS = 1000;
/**
 * Stalled this long, the connections are dropped and made anew: a network that silently drops
 * packets would otherwise keep them "open" for the kernel's retransmission timeout (minutes).
 */
const STALL_RECONNECT_MS = 10_000;
/** Waiting for the first connection, or a TCP connect, gives up after this and retries. */
const CONNECT_TIMEOUT_MS = 3000;

/** Where a {@link RedisLink} reports. */
export interface RedisLinkEvents {
  /**
   * Both connections answer again: after the first connection, a loss or a stall.
   * `freshSubscriber` is true when the subscriber connection is a new one, with no subscriptions:
   * subscribe again and re-read the latest frames. After a stall it is false: the subscriptions
   * held, and re-reading then would race the messages still queued on them.
   */
  up(freshSubscriber: boolean): void;
  /** A line for the operator. */
  log(line: string): void;
}

/** The URL without user and password, for messages. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}

/**
 * A hub node's two connections to Redis (commands, and a subscriber, which Redis pub/sub needs to
 * itself) and how they stand. ioredis reconnects by itself; this adds what a relay needs:
 * - nothing waits for Redis: no offline queue, no command resent after a reconnect, and every
 *   command still unanswered fails when its connection drops (so a node's memory stays bounded
 *   while Redis is away);
 * - a stall (connected, no answers: SIGSTOP, a blackholed network) is noticed within
 *   {@link REDIS_STALL_MS} by a ping, and ends in a reconnect after {@link STALL_RECONNECT_MS};
 * - one log line per change of state, and {@link RedisLinkEvents.up} each time it is usable again.
 */
export class RedisLink {
  readonly commands: Redis;
  readonly subscriber: Redis;
  private linkState: RedisLinkState = RedisLinkState.Connecting;
  private stateSince = performance.now();
  private lastError = '';
  /** The number of the ping awaiting its answer, or 0. */
  private pingInFlight = 0;
  private pingCount = 0;
  /** How long the ping in flight has been awaited, ms, not counting while this process was held up. */
  private pingWaited = 0;
  private readonly pingTimer: ReturnType<typeof setInterval>;
  private closed = false;
  private toldUnreachable = false;
  private subscriberFresh = false;
  private lastCheckAt = performance.now();

  constructor(
    readonly url: string,
    private readonly events: RedisLinkEvents,
  ) {
    const options: RedisOptions = {
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * REDIS_RETRY_STEP_MS, REDIS_RETRY_MAX_MS),
      lazyConnect: false,
    };
    this.commands = new Redis(url, { ...options, connectionName: 'rigcast-hub' });
    this.subscriber = new Redis(url, { ...options, connectionName: 'rigcast-hub-sub' });
    for (const connection of [this.commands, this.subscriber]) {
      connection.on('error', (error: Error) => {
        this.lastError = error.message;
      });
      connection.on('ready', () => {
        if (connection === this.subscriber) this.subscriberFresh = true;
        this.onReady();
      });
      connection.on('close', () => this.onClose());
    }
    this.pingTimer = setInterval(() => this.checkStall(), PING_INTERVAL_MS);
  }

  /** The link's state; see {@link RedisLinkState}. */
  get state(): RedisLinkState {
    return this.linkState;
  }

  /** Seconds in the current state. */
  get secondsInState(): number {
    return (performance.now() - this.stateSince) / 1000;
  }

  /** True when commands may be sent: both connections ready and answering. */
  get isUp(): boolean {
    return this.linkState === RedisLinkState.Up;
  }

  /** True when the subscriber connection can take SUBSCRIBE now. */
  get canSubscribe(): boolean {
    return this.subscriber.status === 'ready';
  }

  /** Closes both connections; commands still unanswered after `graceMs` are cut off. */
  async close(graceMs: number): Promise<void> {
    this.closed = true;
    clearInterval(this.pingTimer);
    await Promise.all(
      [this.commands, this.subscriber].map(async (connection) => {
        const cut = setTimeout(() => connection.disconnect(), graceMs);
        try {
          if (connection.status === 'ready') await connection.quit();
          else connection.disconnect();
        } catch {
          connection.disconnect();
        } finally {
          clearTimeout(cut);
        }
      }),
    );
  }

  private onReady(): void {
    if (this.commands.status !== 'ready' || this.subscriber.status !== 'ready') return;
    this.pingInFlight = 0;
    const was = this.linkState;
    this.setState(RedisLinkState.Up);
    if (was === RedisLinkState.Connecting) this.events.log(`connected to Redis at ${redactedRedisUrl(this.url)}; cluster mode`);
    else this.events.log('Redis is back: frames flow between nodes again');
    this.tellUp();
  }

  private tellUp(): void {
    const fresh = this.subscriberFresh;
    this.subscriberFresh = false;
    this.events.up(fresh);
  }

  private onClose(): void {
    if (this.closed || this.linkState === RedisLinkState.Down) return;
    if (this.linkState === RedisLinkState.Connecting) {
      if (!this.toldUnreachable) {
        this.toldUnreachable = true;
        this.events.log(
          `cannot reach Redis at ${redactedRedisUrl(this.url)}${this.lastError ? ` (${this.lastError})` : ''}; ` +
            "serving this node's viewers only and retrying; check RIGCAST_REDIS_URL",
        );
      }
      return;
    }
    this.setState(RedisLinkState.Down);
    this.events.log(
      `lost Redis at ${redactedRedisUrl(this.url)}${this.lastError ? ` (${this.lastError})` : ''}; ` +
        "serving this node's viewers only and reconnecting",
    );
  }

  private checkStall(): void {
    const now = performance.now();
    // A check that runs late means this process was held up (GC, a busy machine), not Redis, and
    // the ping's answer may be waiting unread: such a gap counts as two intervals at most.
    const sinceLastCheck = Math.min(now - this.lastCheckAt, 2 * PING_INTERVAL_MS);
    this.lastCheckAt = now;
    if (this.commands.status !== 'ready') return;
    if (this.pingInFlight === 0) {
      const ping = ++this.pingCount;
      this.pingInFlight = ping;
      this.pingWaited = 0;
      this.commands.ping().then(
        () => this.onPong(ping),
        () => {
          if (this.pingInFlight === ping) this.pingInFlight = 0;
        },
      );
      return;
    }
    this.pingWaited += sinceLastCheck;
    const waited = this.pingWaited;
    if (waited > REDIS_STALL_MS && this.linkState === RedisLinkState.Up) {
      this.setState(RedisLinkState.Stalled);
      this.events.log(`Redis is not answering (no reply for ${(waited / 1000).toFixed(1)} s); serving this node's viewers only`);
    } else if (waited > STALL_RECONNECT_MS && this.linkState === RedisLinkState.Stalled) {
      this.events.log('Redis still not answering; reconnecting');
      this.pingInFlight = 0;
      this.commands.disconnect(true);
      this.subscriber.disconnect(true);
    }
  }

  private onPong(ping: number): void {
    if (this.pingInFlight !== ping) return;
    this.pingInFlight = 0;
    if (this.linkState !== RedisLinkState.Stalled) return;
    if (this.subscriber.status !== 'ready') return;
    this.setState(RedisLinkState.Up);
    this.events.log('Redis answers again: frames flow between nodes again');
    this.tellUp();
  }

  private setState(state: RedisLinkState): void {
    this.linkState = state;
    this.stateSince = performance.now();
  }
}
