import { PACKAGE_PATHS } from './packagePaths.js';

/**
 * Defaults of {@link HubOptions}. The folders are inside the installed package.
 * @example
 * // Serve your own avatars and keep the package's default avatar and models:
 * createHub({ modelsDirs: ['./my-avatars', ...HUB_DEFAULTS.modelsDirs] });
 */
export const HUB_DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  maxFramesPerSecond: 120,
  maxConnectionsPerIp: 50,
  maxConnectsPerSecond: 10,
  room: 'main',
  appsDirs: { tracker: PACKAGE_PATHS.tracker, avatar: PACKAGE_PATHS.avatar },
  modelsDirs: [PACKAGE_PATHS.models],
} as const;

/** Largest Socket.IO message the hub accepts; a frame is at most a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** How long {@link Hub.close} waits for connections to close before cutting them. */
export const SHUTDOWN_GRACE_MS = 1500;

/** How {@link createHub} sets up a hub. Every field is optional. */
export interface HubOptions {
  /** TCP port; 0 picks a free one (tests). Default 8080. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Key publishers must send; when absent a random key is generated (see {@link Hub.publishKey}). */
  publishKey?: string;
  /** When set, viewers must send it too. */
  viewKey?: string;
  /**
   * Extra browser Origins allowed to open a WebSocket (`https://example.com`; `*` allows any).
   * The hub's own origin, loopback origins and clients without an Origin are always allowed.
   */
  allowedOrigins?: string[];
  /**
   * Folders served at `/models/`, first hit wins. Default: the package's `models/` folder, which holds
   * the default avatar and the MediaPipe bundles `rigcast-hub` downloads.
   */
  modelsDirs?: readonly string[];
  /** Built app folders. Default: the tracker and avatar pages built into the package. */
  appsDirs?: { tracker?: string; avatar?: string };
  /** Per-publisher rate limit in frames a second (with a quarter second of burst). Default 120. */
  maxFramesPerSecond?: number;
  /**
   * Redis URL (`redis://host:6379`, `rediss://…` for TLS): cluster mode. Several hubs on one Redis
   * share rooms: frames cross between nodes, and a viewer on any node gets the room's latest frame.
   * Default: none, one process and nothing else needed.
   */
  redisUrl?: string;
  /**
   * Open connections per client address (an IPv6 /64 counts as one); 0 = no cap. Default 50.
   * Connections from this machine (loopback) are never limited; behind a proxy on this machine,
   * its `X-Forwarded-For` address is what counts.
   */
  maxConnectionsPerIp?: number;
  /** Connection attempts a second per client address, with 4 s of burst; 0 = off. Default 10. */
  maxConnectsPerSecond?: number;
  /** Proxies (IP addresses) whose `X-Forwarded-For` is believed, besides this machine's loopback. */
  trustedProxies?: string[];
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /**
   * When set, `/metrics` is served on `127.0.0.1:<metricsPort>` only (0 picks a free port), and not
   * on the public port, which names no rooms then.
   */
  metricsPort?: number;
  /**
   * How frames are written to viewers: `fast` (pre-built WebSocket frames past Engine.IO) or
   * `public` (Engine.IO's public API only; slower). Default: `RIGCAST_RELAY_PATH`, else `fast`.
   */
  relayPath?: 'fast' | 'public';
  /** Where the hub reports what an operator should know (Redis lost and back). Default: stderr. */
  log?: (line: string) => void;
}

/** A running hub. */
export interface Hub {
  /** Base URL, e.g. `http://127.0.0.1:8080` (wildcard hosts are shown as loopback). */
  url: string;
  /** The port actually listened on (useful with `port: 0`). */
  port: number;
  /** The key publishers need: the one given, or the generated one. */
  publishKey: string;
  /** The key viewers need, when there is one. */
  viewKey?: string;
  /** `http://127.0.0.1:<port>/metrics` when {@link HubOptions.metricsPort} is set. */
  metricsUrl?: string;
  /**
   * Stops accepting, closes every client connection (clients see a transport close and
   * reconnect with backoff) and the HTTP server, cutting what is left after
   * {@link SHUTDOWN_GRACE_MS}. Safe to call more than once.
   */
  close(): Promise<void>;
}
