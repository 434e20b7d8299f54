import { ClientRole, ConnectErrorCode, type ClientToServerEvents, type FrameBytes, type HandshakeAuth, type ServerToClientEvents } from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import { ConnectionState } from './ConnectionState';

/** After the hub refuses the handshake, the page asks again after this long, in ms. */
export const REFUSED_RETRY_MS = 5000;

/** Where and how to connect. */
export interface ViewerConnectionOptions {
  hubUrl: string;
  room: string;
  key?: string;
}

/** What the page hears from its connection. */
export interface ViewerConnectionEvents {
  /** A frame's bytes, straight from the socket (not yet decoded). */
  onFrame(bytes: FrameBytes): void;
  /** The state changed; `detail` explains refusals and errors. */
  onState(state: ConnectionState, detail: string): void;
}

/**
 * The page's viewer socket: websocket only, joins `room` as a viewer with the view key, and
 * keeps itself connected. socket.io reconnects with backoff after a drop (re-sending `auth`, so
 * the hub re-joins the room); a refused handshake is retried every {@link REFUSED_RETRY_MS}.
 */
export class ViewerConnection {
  /** The current state. */
  state: ConnectionState = ConnectionState.Connecting;
  /** Why the last refusal or drop happened, or ''. */
  detail = '';
  /** How many times the page has joined the room (first join included). */
  joins = 0;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ViewerConnectionOptions, private readonly events: ViewerConnectionEvents) {
    const auth: HandshakeAuth = { room: options.room, role: ClientRole.Viewer };
    if (options.key) auth.key = options.key;
    this.socket = io(options.hubUrl, {
      transports: ['websocket'],
      auth,
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => {
      this.joins++;
      this.set(ConnectionState.Connected, '');
    });
    this.socket.on('disconnect', (reason) => {
      this.set(ConnectionState.Disconnected, `disconnected (${reason}); reconnecting`);
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', (error) => {
      if (this.socket.active) {
        this.set(ConnectionState.Connecting, `cannot reach the hub at ${options.hubUrl} (${error.message}); retrying`);
        return;
      }
      this.set(ConnectionState.Refused, refusalText(error.message));
      this.scheduleRetry();
    });
    this.socket.on('frame', (bytes) => this.events.onFrame(bytes));
    this.set(ConnectionState.Connecting, `connecting to ${options.hubUrl}`);
  }

  /** Closes the socket for good. */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.set(ConnectionState.Idle, 'closed');
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.set(ConnectionState.Connecting, 'asking the hub again');
      this.socket.connect();
    }, REFUSED_RETRY_MS);
  }

  private set(state: ConnectionState, detail: string): void {
    this.state = state;
    this.detail = detail;
    this.events.onState(state, detail);
  }
}

/** A refusal from the hub (`"bad-key: …"`) as a sentence that says what to do. */
export function refusalText(message: string): string {
  const code = message.split(':', 1)[0].trim();
  switch (code) {
    case ConnectErrorCode.BadKey:
      return `The hub refused the view key (${message}). Add the right ?key= to the page address.`;
    case ConnectErrorCode.BadRoom:
      return `The hub refused the room (${message}). Use ?room= with 1–64 letters, digits, "_" or "-".`;
    case ConnectErrorCode.BadOrigin:
      return `The hub refused this page's origin (${message}). Add it to RIGCAST_ALLOWED_ORIGINS on the hub.`;
    case ConnectErrorCode.ShuttingDown:
      return `The hub is shutting down (${message}); reconnecting when it is back.`;
    default:
      return `The hub refused the connection (${message}); retrying.`;
  }
}
