import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { ConnectErrorCode } from '@rigcast/protocol';
import { Server } from 'socket.io';
import { checkHandshake, type HubKeys } from './auth/checkHandshake.js';
import { RedisRoomAdapter } from './cluster/RedisRoomAdapter.js';
import { createHttpApp, createMetricsApp } from './http/createHttpApp.js';
import { HUB_DEFAULTS, MAX_MESSAGE_BYTES, SHUTDOWN_GRACE_MS, type Hub, type HubOptions } from './HubOptions.js';
import { clientAddress } from './limits/clientAddress.js';
import { ConnectionLimiter, LimitVerdict } from './limits/ConnectionLimiter.js';
import { HubMetrics } from './metrics/HubMetrics.js';
import { OriginPolicy } from './origin/OriginPolicy.js';
import { randomKey } from './randomKey.js';
import { EngineFastPathWriter } from './relay/EngineFastPathWriter.js';
import { FrameRelay } from './relay/FrameRelay.js';
import type { HubServer } from './relay/HubSocket.js';
import { MemoryRoomAdapter } from './relay/MemoryRoomAdapter.js';
import { PublicApiWriter } from './relay/PublicApiWriter.js';
import type { RoomAdapter } from './relay/RoomAdapter.js';
import { RelayPath, isRelayPath } from './relay/ViewerWriter.js';

const MAX_PORT = 65535;
const MAX_KEY_CHARS = 256;
const METRICS_HOST = '127.0.0.1';

function checkOptions(options: HubOptions): void {
  const { port, metricsPort, maxFramesPerSecond, publishKey, viewKey, metricsToken, relayPath, redisUrl } = options;
  for (const [name, value] of [['port', port], ['metricsPort', metricsPort]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > MAX_PORT)) {
      throw new RangeError(`createHub: ${name} must be an integer from 0 to ${MAX_PORT}, got ${String(value)}`);
    }
  }
  if (maxFramesPerSecond !== undefined && !(Number.isFinite(maxFramesPerSecond) && maxFramesPerSecond > 0)) {
    throw new RangeError(`createHub: maxFramesPerSecond must be a positive number, got ${String(maxFramesPerSecond)}`);
  }
  for (const name of ['maxConnectionsPerIp', 'maxConnectsPerSecond'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`createHub: ${name} must be a number ≥ 0 (0 turns it off), got ${String(value)}`);
    }
  }
  for (const [name, key] of [['publishKey', publishKey], ['viewKey', viewKey], ['metricsToken', metricsToken]] as const) {
    if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_CHARS)) {
      throw new RangeError(`createHub: ${name} must be a string of 1–${MAX_KEY_CHARS} characters`);
    }
  }
  if (relayPath !== undefined && !isRelayPath(relayPath)) {
    throw new RangeError(`createHub: relayPath must be "${RelayPath.Fast}" or "${RelayPath.Public}", got ${String(relayPath)}`);
  }
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new RangeError(`createHub: redisUrl must start with redis:// or rediss://, got ${String(redisUrl)}`);
  }
}

/** The relay path from `RIGCAST_RELAY_PATH` (how CI runs every hub on the public-API fallback), else fast. */
function relayPathFromEnv(): RelayPath {
  const value = process.env.RIGCAST_RELAY_PATH;
  if (value === undefined || value === '') return RelayPath.Fast;
  if (!isRelayPath(value)) throw new RangeError(`RIGCAST_RELAY_PATH must be "${RelayPath.Fast}" or "${RelayPath.Public}", got "${value}"`);
  return value;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  const message =
    error.code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use; stop the program using it or choose another port (PORT=…)`
      : error.code === 'EACCES'
        ? `not allowed to listen on ${where}; use a port above 1023 (PORT=…)`
        : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
          ? `cannot listen on ${where}: ${host} is not an address of this machine; use e.g. HOST=127.0.0.1 or HOST=0.0.0.0`
          : `cannot listen on ${where}: ${error.message}`;
  return Object.assign(new Error(message, { cause: error }), { code: error.code });
}

function listen(server: HttpServer, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw listenError(error, host, port);
  });
}

const defaultLog = (line: string) => process.stderr.write(`rigcast-hub: ${line}\n`);

/**
 * Starts a hub: HTTP (landing page, `/healthz`, `/metrics`, `/tracker/`, `/avatar/`, `/models/`)
 * and Socket.IO (rooms, keys, validated fan-out) on one port. Resolves once listening. With
 * `redisUrl` it is one node of a cluster (see {@link HubOptions.redisUrl}).
 * @example
 * const hub = await createHub({ port: 0 });
 * const viewer = io(hub.url, { transports: ['websocket'], auth: { room: 'main', role: 'viewer' } });
 */
export async function createHub(options: HubOptions = {}): Promise<Hub> {
  checkOptions(options);
  const host = options.host ?? HUB_DEFAULTS.host;
  const requestedPort = options.port ?? HUB_DEFAULTS.port;
  const keys: HubKeys = { publishKey: options.publishKey ?? randomKey(), viewKey: options.viewKey };
  const originPolicy = new OriginPolicy(options.allowedOrigins);
  const trustedProxies = new Set(options.trustedProxies ?? []);
  const limiter = new ConnectionLimiter({
    maxPerIp: options.maxConnectionsPerIp ?? HUB_DEFAULTS.maxConnectionsPerIp,
    attemptsPerSecond: options.maxConnectsPerSecond ?? HUB_DEFAULTS.maxConnectsPerSecond,
  });
  const metrics = new HubMetrics();
  const log = options.log ?? defaultLog;
  const startedAt = performance.now();
  let closing = false;

  const httpServer = createServer();
  const io: HubServer = new Server(httpServer, {
    transports: ['websocket'],
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    allowRequest: (req: IncomingMessage, callback) => {
      if (closing) return callback(`${ConnectErrorCode.ShuttingDown}: the hub is shutting down; retry shortly`, false);
      const address = clientAddress(req, trustedProxies);
      const refuse = (code: ConnectErrorCode, message: string) => {
        metrics.connectRefusals.labels(code).inc();
        callback(`${code}: ${message}`, false);
      };
      if (!originPolicy.allows(req.headers.origin, req.headers.host)) {
        return refuse(ConnectErrorCode.BadOrigin, `pages from ${req.headers.origin} may not connect; add that origin to RIGCAST_ALLOWED_ORIGINS`);
      }
      const { verdict, key } = limiter.admit(address);
      if (verdict === LimitVerdict.TooManyAttempts) {
        return refuse(ConnectErrorCode.TooManyConnections, 'too many connection attempts from your address; wait a few seconds');
      }
      if (verdict === LimitVerdict.TooManyConnections) {
        return refuse(ConnectErrorCode.TooManyConnections, 'too many open connections from your address; close some pages');
      }
      if (key !== null) req.socket.once('close', () => limiter.release(key));
      callback(null, true);
    },
  });
  const writer = (options.relayPath ?? relayPathFromEnv()) === RelayPath.Public ? new PublicApiWriter(io) : new EngineFastPathWriter(io);
  const relay = new FrameRelay(writer, metrics, options.maxFramesPerSecond ?? HUB_DEFAULTS.maxFramesPerSecond);
  const adapter: RoomAdapter = options.redisUrl
    ? new RedisRoomAdapter(relay, { url: options.redisUrl, registry: metrics.registry, log })
    : new MemoryRoomAdapter(relay);
  relay.use(adapter);
  metrics.watchRooms(() => adapter.rooms.values());

  io.use((socket, next) => {
    if (closing) {
      metrics.connectRefusals.labels(ConnectErrorCode.ShuttingDown).inc();
      const code = ConnectErrorCode.ShuttingDown;
      return next(Object.assign(new Error(`${code}: the hub is shutting down; retry shortly`), { data: { code } }));
    }
    const verdict = checkHandshake(socket.handshake.auth, keys);
    if (!verdict.ok) {
      metrics.connectRefusals.labels(verdict.code).inc();
      return next(Object.assign(new Error(verdict.message), { data: { code: verdict.code } }));
    }
    socket.data.room = verdict.room;
    socket.data.role = verdict.role;
    next();
  });
  io.on('connection', (socket) => relay.attach(socket));

  const app = createHttpApp({
    apps: {
      tracker: options.appsDirs?.tracker ?? HUB_DEFAULTS.appsDirs.tracker,
      avatar: options.appsDirs?.avatar ?? HUB_DEFAULTS.appsDirs.avatar,
    },
    modelsDirs: options.modelsDirs ?? HUB_DEFAULTS.modelsDirs,
    metrics,
    serveMetrics: options.metricsPort === undefined,
    metricsToken: options.metricsToken,
    health: () => {
      const cluster = adapter.health();
      return {
        ok: true,
        status: cluster.mode === 'redis' && cluster.redis !== 'up' ? 'degraded' : 'ok',
        uptime: (performance.now() - startedAt) / 1000,
        rooms: relay.roomCount,
        connections: io.engine.clientsCount,
        cluster,
      };
    },
  });
  httpServer.on('request', app);
  const metricsServer = options.metricsPort === undefined ? undefined : createServer(createMetricsApp(metrics, options.metricsToken));

  const openSockets = new Set<NetSocket>();
  httpServer.on('connection', (socket: NetSocket) => {
    openSockets.add(socket);
    socket.once('close', () => openSockets.delete(socket));
  });

  const stopAll = async () => {
    limiter.stop();
    relay.close();
    await adapter.close();
  };
  let port: number;
  let metricsUrl: string | undefined;
  try {
    port = await listen(httpServer, requestedPort, host);
    if (metricsServer) metricsUrl = `http://${METRICS_HOST}:${await listen(metricsServer, options.metricsPort!, METRICS_HOST)}/metrics`;
  } catch (error) {
    io.engine.close();
    httpServer.close();
    await stopAll();
    throw error;
  }

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing = true;
      const force = setTimeout(() => {
        for (const socket of openSockets) socket.destroy();
      }, SHUTDOWN_GRACE_MS);
      void io.close(() => {
        clearTimeout(force);
        metricsServer?.close();
        void stopAll().then(resolve);
      });
      httpServer.closeIdleConnections();
    });
    return closed;
  };

  return { url: `http://${urlHost(host)}:${port}`, port, publishKey: keys.publishKey, viewKey: keys.viewKey, metricsUrl, close };
}
