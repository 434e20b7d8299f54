import {
  ClientRole,
  ConnectErrorCode,
  encodeFrame,
  type ClientToServerEvents,
  type HandshakeAuth,
  type RejectedInfo,
  type RigFrame,
  type ServerToClientEvents,
} from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import { ConnectionState } from './ConnectionState';

/** Where and as whom to publish. */
export interface RigPublisherOptions {
  /** The hub's base URL, e.g. `http://127.0.0.1:8080`. */
  hub: string;
  room: string;
  /** The hub's publish key. */
  key: string;
  /** Called whenever {@link RigPublisher.state}, {@link RigPublisher.error} or the RTT changes. */
  onChange?: () => void;
}

/** How often the round-trip time is probed. */
const RTT_INTERVAL_MS = 1000;
/** An `rtt` probe not answered within this long counts as lost. */
const RTT_TIMEOUT_MS = 3000;
/** Retries after the hub refused the connection: first delay and cap. */
const REFUSED_RETRY_FIRST_MS = 1000;
const REFUSED_RETRY_MAX_MS = 10_000;

/** What the user should do about each refusal code from the hub. */
const REFUSAL_ADVICE: Record<ConnectErrorCode, string> = {
  [ConnectErrorCode.BadKey]: 'check the key= parameter: the hub prints the tracker URL with its publish key when it starts',
  [ConnectErrorCode.BadRoom]: 'use a room= of 1–64 letters, digits, "-" or "_"',
  [ConnectErrorCode.BadRole]: 'this page publishes; the hub refused the publisher role',
  [ConnectErrorCode.BadOrigin]: 'open the tracker from the hub itself, or add this page\'s origin to RIGCAST_ALLOWED_ORIGINS',
  [ConnectErrorCode.ShuttingDown]: 'the hub is restarting',
};

function refusalCode(message: string): ConnectErrorCode | undefined {
  const code = message.split(':', 1)[0].trim();
  return (Object.values(ConnectErrorCode) as string[]).includes(code) ? (code as ConnectErrorCode) : undefined;
}

/**
 * Publishes RigFrames to a hub room over Socket.IO (websocket only), reconnects with backoff,
 * re-joins after restarts and measures the round-trip time.
 * @example
 * const publisher = new RigPublisher({ hub: location.origin, room: 'main', key });
 * publisher.send(frame);
 */
export class RigPublisher {
  /** The link's state. */
  state: ConnectionState = ConnectionState.Connecting;
  /** What is wrong with the link, for the user; empty when connected. */
  error = '';
  /** The hub's raw `connect_error` message, e.g. `bad-key: …`. */
  hubMessage = '';
  /** The last round-trip time to the hub, ms; `NaN` until measured. */
  rttMs = Number.NaN;
  /** Frames handed to the socket while connected. */
  framesSent = 0;
  /** The last `rejected` notice from the hub, if any. */
  lastRejected?: RejectedInfo;

  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly options: RigPublisherOptions;
  private rttTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelayMs = REFUSED_RETRY_FIRST_MS;
  private closed = false;

  constructor(options: RigPublisherOptions) {
    this.options = options;
    const auth: HandshakeAuth = { room: options.room, role: ClientRole.Publisher, key: options.key || undefined };
    this.socket = io(options.hub, {
      transports: ['websocket'],
      auth: auth as unknown as Record<string, unknown>,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => {
      this.retryDelayMs = REFUSED_RETRY_FIRST_MS;
      this.set(ConnectionState.Connected, '', '');
      this.probeRtt();
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.rttMs = Number.NaN;
      this.set(ConnectionState.Reconnecting, `Lost the hub (${reason}); reconnecting…`, '');
      // A disconnect the hub chose does not reconnect by itself.
      if (!this.socket.active) this.scheduleRetry();
    });
    this.socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket.on('rejected', (info) => {
      this.lastRejected = info;
      this.options.onChange?.();
    });
    this.rttTimer = setInterval(() => this.probeRtt(), RTT_INTERVAL_MS);
  }

  /** True while frames reach the hub. */
  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Sends one frame. It is dropped rather than queued while the hub is away (volatile), so a
   * reconnect does not replay stale poses. Returns whether it went out.
   */
  send(frame: RigFrame): boolean {
    if (!this.socket.connected) return false;
    this.socket.volatile.emit('frame', encodeFrame(frame));
    this.framesSent++;
    return true;
  }

  /** Disconnects for good. */
  close(): void {
    this.closed = true;
    clearInterval(this.rttTimer);
    clearTimeout(this.retryTimer);
    this.socket.close();
    this.set(ConnectionState.Closed, '', '');
  }

  private onConnectError(error: Error): void {
    const message = error.message;
    const code = refusalCode(message);
    if (code) {
      this.set(
        ConnectionState.Reconnecting,
        `The hub refused this tracker: ${message}. To fix: ${REFUSAL_ADVICE[code]}. Retrying…`,
        message,
      );
    } else {
      this.set(
        ConnectionState.Reconnecting,
        `Cannot reach the hub at ${this.options.hub} (${message}). Is it running? Retrying…`,
        message,
      );
    }
    // socket.io retries transport failures itself, but not a refusal by the hub's middleware.
    if (!this.socket.active) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(REFUSED_RETRY_MAX_MS, delay * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private probeRtt(): void {
    if (!this.socket.connected) return;
    const start = performance.now();
    this.socket.timeout(RTT_TIMEOUT_MS).emit('rtt', (error: Error | null) => {
      if (error) return;
      this.rttMs = performance.now() - start;
      this.options.onChange?.();
    });
  }

  private set(state: ConnectionState, error: string, hubMessage: string): void {
    this.state = state;
    this.error = error;
    this.hubMessage = hubMessage;
    this.options.onChange?.();
  }
}
