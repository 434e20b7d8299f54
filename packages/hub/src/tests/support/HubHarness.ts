import { createNeutralFrame, encodeFrame, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import { createHub, type Hub, type HubOptions } from '../../index.js';

/** A typed socket.io-client connection to the hub. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Options for {@link HubHarness.client}, on top of the auth. */
export interface ClientOptions {
  extraHeaders?: Record<string, string>;
  reconnection?: boolean;
  /** Local address to connect from, e.g. 127.0.0.2 to be a client other than this machine. */
  localAddress?: string;
}

/**
 * Starts real hubs on port 0 and real socket.io-client connections, and tears every one of
 * them down in {@link HubHarness.cleanup}.
 */
export class HubHarness {
  private readonly hubs: Hub[] = [];
  private readonly sockets: ClientSocket[] = [];

  async hub(options: HubOptions = {}): Promise<Hub> {
    const hub = await createHub({ port: 0, allowedOrigins: [], ...options });
    this.hubs.push(hub);
    return hub;
  }

  /** A client that is not connected yet (call `connect()`); `auth` is sent as given. */
  client(hub: Hub, auth: Partial<HandshakeAuth> | Record<string, unknown>, options: ClientOptions = {}): ClientSocket {
    const socket: ClientSocket = io(hub.url, {
      transports: ['websocket'],
      auth,
      autoConnect: false,
      reconnection: options.reconnection ?? false,
      extraHeaders: options.extraHeaders,
      // Passed on to the Node WebSocket, though socket.io-client's types leave it out.
      ...({ localAddress: options.localAddress } as object),
      forceNew: true,
    });
    this.sockets.push(socket);
    return socket;
  }

  /** A connected client; rejects with the `connect_error` if the hub refuses it. */
  async connect(hub: Hub, auth: Partial<HandshakeAuth> | Record<string, unknown>, options: ClientOptions = {}): Promise<ClientSocket> {
    const socket = this.client(hub, auth, options);
    await connected(socket);
    return socket;
  }

  async cleanup(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.disconnect();
    await Promise.all(this.hubs.splice(0).map((hub) => hub.close()));
  }
}

/** Connects `socket` and resolves when connected, or rejects with the connect error. */
export function connected(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve(socket);
    };
    const onError = (error: Error) => {
      socket.off('connect', onConnect);
      reject(error);
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
    socket.connect();
  });
}

/** The message of the `connect_error` the hub answers `auth` with. */
export async function connectErrorOf(harness: HubHarness, hub: Hub, auth: Record<string, unknown>, options: ClientOptions = {}): Promise<Error> {
  try {
    await harness.connect(hub, auth, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`the hub accepted ${JSON.stringify(auth)}`);
}

/** Encoded neutral face frame with this seq and time. */
export function frameBytes(seq: number, time = seq): Uint8Array {
  const frame = createNeutralFrame(seq, time);
  frame.face!.blendshapes.jawOpen = (seq % 256) / 255;
  return encodeFrame(frame);
}

/** Normalizes what a Node client receives (Buffer) to a plain Uint8Array for comparisons. */
export function asUint8(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new Error(`expected binary, got ${typeof bytes}`);
}

/** Resolves with the first value `event` brings, or rejects after `timeoutMs`. */
export function nextEvent<T>(socket: ClientSocket, event: 'frame' | 'rejected' | 'disconnect', timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    (socket.once as (e: string, h: (value: T) => void) => void)(event, handler);
  });
}

/** Polls `check` until it returns true, or throws after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Round trip through the hub: resolves when the hub has processed everything `socket` sent before. */
export function rtt(socket: ClientSocket): Promise<number> {
  return new Promise((resolve) => socket.emit('rtt', (hubTime: number) => resolve(hubTime)));
}

/** Reads one metric value from `/metrics` text (sum over label sets that include `labels`). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelText = match[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) {
      sum += Number(match[3]);
      found = true;
    }
  }
  if (!found) throw new Error(`metric ${name} ${JSON.stringify(labels)} not in /metrics`);
  return sum;
}

/** GETs `/metrics` from the hub. */
export async function fetchMetrics(hub: Hub): Promise<string> {
  const res = await fetch(`${hub.url}/metrics`);
  return res.text();
}
