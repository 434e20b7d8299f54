import { createServer, type IncomingMessage } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { ConnectErrorCode } from '@rigcast/protocol';
import { Server } from 'socket.io';
import { checkHandshake, type HubKeys } from './auth/checkHandshake.js';
import { createHttpApp } from './http/createHttpApp.js';
import { HUB_DEFAULTS, MAX_MESSAGE_BYTES, SHUTDOWN_GRACE_MS, type Hub, type HubOptions } from './HubOptions.js';
import { HubMetrics } from './metrics/HubMetrics.js';
import { OriginPolicy } from './origin/OriginPolicy.js';
import { randomKey } from './randomKey.js';
import { FrameRelay } from './relay/FrameRelay.js';
import type { HubServer } from './relay/HubSocket.js';

const MAX_PORT = 65535;
const MAX_KEY_CHARS = 256;

function checkOptions(options: HubOptions): void {
  const { port, maxFramesPerSecond, publishKey, viewKey } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > MAX_PORT)) {
    throw new RangeError(`createHub: port must be an integer from 0 to ${MAX_PORT}, got ${String(port)}`);
  }
  if (maxFramesPerSecond !== undefined && !(Number.isFinite(maxFramesPerSecond) && maxFramesPerSecond > 0)) {
    throw new RangeError(`createHub: maxFramesPerSecond must be a positive number, got ${String(maxFramesPerSecond)}`);
  }
  for (const [name, key] of [['publishKey', publishKey], ['viewKey', viewKey]] as const) {
    if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_CHARS)) {
      throw new RangeError(`createHub: ${name} must be a string of 1–${MAX_KEY_CHARS} characters`);
    }
  }
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

/**
 * Starts a hub: HTTP (landing page, `/healthz`, `/metrics`, `/tracker/`, `/avatar/`, `/models/`)
 * and Socket.IO (rooms, keys, validated fan-out) on one port. Resolves once listening.
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
  const metrics = new HubMetrics();
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
      if (originPolicy.allows(req.headers.origin, req.headers.host)) return callback(null, true);
      metrics.connectRefusals.labels(ConnectErrorCode.BadOrigin).inc();
      callback(
        `${ConnectErrorCode.BadOrigin}: pages from ${req.headers.origin} may not connect; add that origin to RIGCAST_ALLOWED_ORIGINS`,
        false,
      );
    },
  });
  const relay = new FrameRelay(io, metrics, options.maxFramesPerSecond ?? HUB_DEFAULTS.maxFramesPerSecond);

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
    health: () => ({
      ok: true,
      uptime: (performance.now() - startedAt) / 1000,
      rooms: relay.roomCount,
      connections: io.engine.clientsCount,
    }),
  });
  httpServer.on('request', app);

  const openSockets = new Set<NetSocket>();
  httpServer.on('connection', (socket: NetSocket) => {
    openSockets.add(socket);
    socket.once('close', () => openSockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(requestedPort, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    io.engine.close();
    throw listenError(error as NodeJS.ErrnoException, host, requestedPort);
  }
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : requestedPort;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing = true;
      const force = setTimeout(() => {
        for (const socket of openSockets) socket.destroy();
      }, SHUTDOWN_GRACE_MS);
      void io.close(() => {
        clearTimeout(force);
        resolve();
      });
      httpServer.closeIdleConnections();
    });
    return closed;
  };

  return { url: `http://${urlHost(host)}:${port}`, port, publishKey: keys.publishKey, viewKey: keys.viewKey, close };
}
