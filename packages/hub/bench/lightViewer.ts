import WebSocket from 'ws';
import { RelayKind } from './BenchMessages';

/** Engine.IO v4 packet types, the first byte of a text packet. */
const EngineIo = { Open: 0x30, Close: 0x31, Ping: 0x32, Message: 0x34 } as const;
/** Socket.IO v4 packet types, the byte after Engine.IO's "message" type. */
const SocketIo = { Connect: 0x30, Event: 0x32, ConnectError: 0x34, BinaryEvent: 0x35 } as const;
/** Offset of the Socket.IO packet type inside an Engine.IO message. */
const SOCKET_IO_TYPE_OFFSET = 1;
const PONG = '3';
/** The header Socket.IO sends before a `frame` event's one binary attachment. */
const BINARY_FRAME_HEADER = Buffer.from('451-["frame",');
/** The start of a plain (JSON) `frame` event. */
const JSON_FRAME_HEADER = Buffer.from('42["frame",');

/** What a light viewer hands to its owner. */
export interface LightViewerHandlers {
  /** A binary frame: the Socket.IO attachment (rigcast) or the whole message (floor). */
  onBinaryFrame(bytes: Buffer): void;
  /** A JSON `frame` event, as the raw Engine.IO text packet `42["frame",{…}]`. */
  onJsonFrame(packet: Buffer): void;
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}

/**
 * A bench viewer that costs as little as a client can: one raw `ws` WebSocket that speaks the
 * Engine.IO v4 / Socket.IO v4 wire protocol itself (open, CONNECT with auth, ping → pong, a
 * binary event's header then its attachment) instead of running socket.io-client, so the load
 * generator measures the relay rather than itself. For the floor relay it is a plain WebSocket
 * that reads binary messages. Resolves with the socket once joined, or null if refused.
 */
export function connectLightViewer(
  kind: RelayKind,
  httpUrl: string,
  room: string,
  handlers: LightViewerHandlers,
  timeoutMs: number,
): Promise<WebSocket | null> {
  const base = httpUrl.replace(/^http/, 'ws');
  const url = kind === RelayKind.Floor ? `${base}/viewer` : `${base}/socket.io/?EIO=4&transport=websocket`;
  const socket = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
  const connectPacket = kind === RelayKind.Rigcast ? `40${JSON.stringify({ room, role: 'viewer' })}` : '40';
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!ok) socket.terminate();
      resolve(ok ? socket : null);
    };
    const timer = setTimeout(() => settle(false), timeoutMs);
    socket.once('error', () => settle(false));
    socket.once('close', () => settle(false));
    if (kind === RelayKind.Floor) {
      socket.once('open', () => settle(true));
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) handlers.onBinaryFrame(data);
      });
      return;
    }
    let attachmentNext = false;
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        if (attachmentNext) handlers.onBinaryFrame(data);
        attachmentNext = false;
        return;
      }
      switch (data[0]) {
        case EngineIo.Message:
          switch (data[SOCKET_IO_TYPE_OFFSET]) {
            case SocketIo.BinaryEvent:
              attachmentNext = startsWith(data, BINARY_FRAME_HEADER);
              break;
            case SocketIo.Event:
              if (startsWith(data, JSON_FRAME_HEADER)) handlers.onJsonFrame(data);
              break;
            case SocketIo.Connect:
              settle(true);
              break;
            case SocketIo.ConnectError:
              settle(false);
              break;
          }
          break;
        case EngineIo.Ping:
          socket.send(PONG);
          break;
        case EngineIo.Open:
          socket.send(connectPacket);
          break;
        case EngineIo.Close:
          socket.close();
          break;
      }
    });
  });
}
