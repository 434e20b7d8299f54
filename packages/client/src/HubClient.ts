import type { ClientToServerEvents, ConnectErrorCode, FrameBytes, HandshakeAuth, RejectedInfo, ServerToClientEvents, ViewerCountInfo } from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import { Backoff } from './Backoff';
import { ConnectionState } from './ConnectionState';
import { failureDetail, lostDetail, type DetailContext } from './connectionDetail';
import type { HubClientEvents, HubClientOptions, RejectedNotice } from './HubClientOptions';
import { FailureStage, readConnectError } from './readConnectError';
import { DEFAULT_RETRY_POLICY } from './RetryPolicy';

const DEFAULT_RTT_INTERVAL_MS = 1000;
const DEFAULT_RTT_TIMEOUT_MS = 3000;

/**
 * One client of a rigcast hub, in browsers and in Node: joins `room` as a publisher or a viewer
 * over Socket.IO (websocket only), keeps itself connected, and reports what a user needs to know:
 * the state, what is wrong and what to do, the round-trip time and the hub's `rejected` notices.
 *
 * Every way of losing the hub (unreachable, refused, dropped, kicked) is retried by one
 * {@link RetryPolicy}: 0.5 s doubling to 2 s with jitter by default, starting over after each
 * successful connection. socket.io-client's own reconnection is off, because it retries transport
 * failures only and with a policy of its own.
 * @example
 * const client = new HubClient({ url: 'http://127.0.0.1:8080', room: 'main', role: 'publisher', key }, {
 *   onChange: () => console.log(client.state, client.detail),
 * });
 * client.send(encodeFrame(frame));
 */
export class HubClient {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly backoff: Backoff;
  private readonly context: DetailContext;
  private readonly rttTimeoutMs: number;
  private readonly rttTimer: ReturnType<typeof setInterval>;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private currentState: ConnectionState = ConnectionState.Connecting;
  private currentDetail = '';
  private refusalCode: ConnectErrorCode | null = null;
  private pendingDelayMs = Number.NaN;
  private joinCount = 0;
  private lastRttMs = Number.NaN;
  private sentCount = 0;
  private rejections = 0;
  private lastNotice: RejectedNotice | null = null;
  private roomViewers = Number.NaN;

  constructor(
    options: HubClientOptions,
    private readonly events: HubClientEvents = {},
  ) {
    this.context = { url: options.url, name: options.name ?? options.role, role: options.role, advice: options.advice };
    this.backoff = new Backoff({ ...DEFAULT_RETRY_POLICY, ...options.retry });
    this.rttTimeoutMs = options.rttTimeoutMs ?? DEFAULT_RTT_TIMEOUT_MS;
    const auth: HandshakeAuth = { room: options.room, role: options.role };
    if (options.key) auth.key = options.key;
    this.socket = io(options.url, {
      transports: ['websocket'],
      auth,
      extraHeaders: options.extraHeaders,
      reconnection: false,
      autoConnect: false,
      // Own manager: a second client of the same hub (tests, several rooms) must not share, or close, this one's link.
      forceNew: true,
    });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket.on('rejected', (info) => this.onRejected(info));
    this.socket.on('viewers', (info) => this.onViewers(info));
    if (events.onFrame) this.socket.on('frame', events.onFrame);
    this.rttTimer = setInterval(() => this.probeRtt(), options.rttIntervalMs ?? DEFAULT_RTT_INTERVAL_MS);
    this.socket.connect();
  }

  /** Where the link stands. */
  get state(): ConnectionState {
    return this.currentState;
  }

  /** What is wrong with the link and what to do, for the user; empty while connected or on the first attempt. */
  get detail(): string {
    return this.currentDetail;
  }

  /** The code of the hub's last handshake refusal, until the next connection; else `null`. */
  get code(): ConnectErrorCode | null {
    return this.refusalCode;
  }

  /** The wait before the scheduled retry, ms; `NaN` when none is scheduled. */
  get retryDelayMs(): number {
    return this.pendingDelayMs;
  }

  /** True while frames flow both ways. */
  get connected(): boolean {
    return this.socket.connected;
  }

  /** How many times this client has joined its room (the first time included). */
  get joins(): number {
    return this.joinCount;
  }

  /** The last round-trip time to the hub, ms; `NaN` until measured and while away. */
  get rttMs(): number {
    return this.lastRttMs;
  }

  /** Frames handed to the socket by {@link HubClient.send}. */
  get framesSent(): number {
    return this.sentCount;
  }

  /** How many `rejected` notices the hub sent. */
  get rejectedCount(): number {
    return this.rejections;
  }

  /** The hub's latest `rejected` notice, or `null`. */
  get lastRejected(): RejectedNotice | null {
    return this.lastNotice;
  }

  /**
   * Publishers: how many viewers watch the room, on every hub node (the hub sends it when it
   * changes); `NaN` until the hub has said and while away. Viewers never get it.
   */
  get viewers(): number {
    return this.roomViewers;
  }

  /**
   * Sends one encoded frame. While the hub is away, or the previous frame is still being written,
   * the frame is dropped, not queued (volatile): a reconnect never replays stale poses, and a
   * slow link sends the newest pose next. Returns whether it went out.
   */
  send(bytes: FrameBytes): boolean {
    // The same test socket.io's volatile emit makes before it silently drops a packet.
    if (!this.socket.connected || !this.socket.io.engine?.transport?.writable) return false;
    this.socket.volatile.emit('frame', bytes);
    this.sentCount++;
    return true;
  }

  /**
   * Resolves once the hub has handled everything this client sent before (a round trip behind
   * it: the hub handles a connection's messages in order), or after the RTT timeout, or at once
   * when not connected. Await it before {@link HubClient.close} so the last frames are not cut off.
   */
  flush(): Promise<void> {
    if (!this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.socket.timeout(this.rttTimeoutMs).emit('rtt', () => resolve()));
  }

  /** Disconnects for good and stops retrying. */
  close(): void {
    if (this.currentState === ConnectionState.Closed) return;
    clearInterval(this.rttTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.pendingDelayMs = Number.NaN;
    this.lastRttMs = Number.NaN;
    this.set(ConnectionState.Closed, '');
    this.socket.disconnect();
  }

  private onConnect(): void {
    this.backoff.reset();
    this.joinCount++;
    this.refusalCode = null;
    this.set(ConnectionState.Connected, '');
    this.probeRtt();
  }

  private onDisconnect(reason: string): void {
    if (this.currentState === ConnectionState.Closed) return;
    this.lastRttMs = Number.NaN;
    this.roomViewers = Number.NaN;
    const delayMs = this.scheduleRetry();
    this.set(ConnectionState.Reconnecting, lostDetail(this.context, reason, delayMs));
  }

  private onConnectError(error: Error): void {
    if (this.currentState === ConnectionState.Closed) return;
    const failure = readConnectError(error);
    this.refusalCode = failure.code;
    const delayMs = this.scheduleRetry();
    const state = failure.stage === FailureStage.Transport ? ConnectionState.Reconnecting : ConnectionState.Refused;
    this.set(state, failureDetail(this.context, failure, delayMs));
  }

  private onRejected(info: RejectedInfo): void {
    const notice: RejectedNotice = { reason: info.reason, message: info.message, time: Date.now() };
    this.rejections++;
    this.lastNotice = notice;
    this.events.onRejected?.(notice);
    this.events.onChange?.();
  }

  private onViewers(info: ViewerCountInfo): void {
    if (!Number.isSafeInteger(info?.viewers) || info.viewers < 0) return;
    this.roomViewers = info.viewers;
    this.events.onChange?.();
  }

  /** Schedules the next attempt (unless one is) and returns its delay. */
  private scheduleRetry(): number {
    if (this.retryTimer) return this.pendingDelayMs;
    const delayMs = this.backoff.next();
    this.pendingDelayMs = delayMs;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.pendingDelayMs = Number.NaN;
      this.socket.connect();
    }, delayMs);
    return delayMs;
  }

  private probeRtt(): void {
    if (!this.socket.connected) return;
    const start = performance.now();
    this.socket.timeout(this.rttTimeoutMs).emit('rtt', (error: Error | null) => {
      if (error || !this.socket.connected) return;
      this.lastRttMs = performance.now() - start;
      this.events.onChange?.();
    });
  }

  private set(state: ConnectionState, detail: string): void {
    this.currentState = state;
    this.currentDetail = detail;
    this.events.onChange?.();
  }
}
