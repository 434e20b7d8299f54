import type { HubServer, HubSocket } from './HubSocket.js';
import { WebSocketOpcode, encodeWebSocketFrame } from './encodeWebSocketFrame.js';
import type { PreparedFrame, ViewerWriter } from './ViewerWriter.js';

// The one module that reads Engine.IO's and ws's private fields (`writeBuffer`, `_sender`,
// `bufferedAmount`, `perMessageDeflate`) and copies a private check of theirs. Where they are not
// as expected, each connection falls back to Engine.IO's public `conn.write`;
// PublicApiWriter does without them altogether (RIGCAST_RELAY_PATH=public; CI runs both).

/** Socket.IO's EVENT packet type (socket.io-parser `PacketType.EVENT`). */
const SOCKET_IO_EVENT = 2;
/** Engine.IO's "message" packet type, the prefix of a text packet on the wire. */
const ENGINE_IO_MESSAGE = '4';
/** `ws`'s WebSocket.OPEN. */
const WS_OPEN = 1;
/** How often a viewer that skipped frames is checked for having drained (see {@link EngineFastPathWriter.whenDrained}). */
const CATCH_UP_POLL_MS = 10;

/** Bytes a viewer's WebSocket may hold unsent before it counts as slow (about 20 frames). */
export const MAX_VIEWER_BUFFERED_BYTES = 4096;
/**
 * Engine.IO packets a viewer may have queued behind an unfinished write (a frame is two). Frames
 * that reach the hub in one bunch queue here for a moment even for a fast viewer, so this is a
 * loose safety cap; the byte backlog is the real test.
 */
export const MAX_VIEWER_QUEUED_PACKETS = 64;

/** One Engine.IO packet with its pre-built WebSocket frame. */
interface EnginePacket {
  data: string | Uint8Array;
  options: { wsPreEncodedFrame: [Buffer, Buffer] };
}

/** A `frame` event for viewers; see {@link EngineFastPathWriter.prepare}. */
interface FastFrame extends PreparedFrame {
  packets: [EnginePacket, EnginePacket];
  combined: EnginePacket;
}

/** The parts of a `ws` WebSocket the relay uses. */
interface RawWebSocket {
  readyState: number;
  bufferedAmount?: number;
  _sender?: { sendFrame?(list: [Buffer, Buffer], cb?: () => void): void };
}

/** The parts of an Engine.IO connection the relay uses. */
interface EngineConnection {
  readyState: string;
  /** Packets Engine.IO holds until its transport is writable. */
  writeBuffer?: unknown[];
  /** Queues a packet behind any unfinished write, in order. */
  write(data: string | Uint8Array, options: EnginePacket['options']): void;
  transport: { writable: boolean; perMessageDeflate?: unknown; socket?: RawWebSocket; on(event: 'ready', listener: () => void): void; off(event: 'ready', listener: () => void): void };
}

const engineOf = (viewer: HubSocket) => viewer.conn as unknown as EngineConnection;

/**
 * True when Engine.IO will hand a packet's `wsPreEncodedFrame` list to `ws` as it is, in one
 * corked write: the same test as Engine.IO's own `WebSocket._canSendPreEncodedFrame`.
 */
function writesPreEncodedFrames(conn: EngineConnection): boolean {
  const { transport } = conn;
  return !transport.perMessageDeflate && typeof transport.socket?._sender?.sendFrame === 'function';
}

/**
 * True when a frame may go straight to the connection's WebSocket sender, past Engine.IO: the
 * connection is open, writes pre-built frames as they are, and Engine.IO has nothing queued or
 * in flight, so the frame takes the same place in the byte stream it would have taken through
 * Engine.IO, and costs no Engine.IO packet, flush, write callback or drain events.
 */
function canWriteDirect(conn: EngineConnection): boolean {
  return conn.readyState === 'open' && conn.transport.writable && conn.writeBuffer?.length === 0 && conn.transport.socket?.readyState === WS_OPEN;
}

/**
 * True when a viewer's connection has a backlog: its WebSocket holds more than
 * {@link MAX_VIEWER_BUFFERED_BYTES} the kernel has not taken, or Engine.IO has more than
 * {@link MAX_VIEWER_QUEUED_PACKETS} packets waiting. Such a viewer is slow and skips frames.
 *
 * Why not Socket.IO's `volatile` flag: it drops a packet whenever the transport's previous
 * write callback has not run yet. That happens to every healthy viewer when several frames are
 * handled in one event-loop turn, which is what a busy machine does (publisher frames arrive in
 * bunches). Measured with 50 viewers in another process on the shared 2-core box: 5–10 % of
 * frames lost by viewers that were reading all along; with this check, none.
 */
export function isViewerBackedUp(viewer: HubSocket): boolean {
  const conn = engineOf(viewer);
  const buffered = conn.transport.socket?.bufferedAmount;
  if (typeof buffered !== 'number') return !conn.transport.writable;
  return buffered > MAX_VIEWER_BUFFERED_BYTES || (conn.writeBuffer?.length ?? 0) > MAX_VIEWER_QUEUED_PACKETS;
}

/**
 * The relay's default writer. Each frame's `frame` event is encoded once, with its WebSocket
 * frames pre-built, and written straight to a viewer's `ws` sender when Engine.IO has nothing
 * queued or in flight ({@link canWriteDirect}); otherwise through Engine.IO, which keeps order.
 */
export class EngineFastPathWriter implements ViewerWriter {
  constructor(private readonly io: HubServer) {}

  /**
   * Socket.IO sends a binary event as two Engine.IO packets: a text header and the bytes as an
   * attachment. `packets` are those, each with its WebSocket frame pre-built; `combined` is one
   * packet whose pre-built frame list holds both WebSocket frames, so a viewer costs one write
   * instead of two. Only connections that write pre-built frames as they are get `combined` (see
   * {@link writesPreEncodedFrames}); the bytes on the wire are the same either way.
   */
  prepare(bytes: Uint8Array): FastFrame {
    const [header, attachment] = this.io.encoder.encode({ type: SOCKET_IO_EVENT, nsp: '/', data: ['frame', bytes] }) as [string, Uint8Array];
    const headerFrame = encodeWebSocketFrame(WebSocketOpcode.Text, Buffer.from(ENGINE_IO_MESSAGE + header));
    const attachmentFrame = encodeWebSocketFrame(WebSocketOpcode.Binary, attachment);
    return {
      bytes,
      packets: [
        { data: header, options: { wsPreEncodedFrame: headerFrame } },
        { data: attachment, options: { wsPreEncodedFrame: attachmentFrame } },
      ],
      combined: {
        data: header,
        options: { wsPreEncodedFrame: [Buffer.concat([headerFrame[0], headerFrame[1], attachmentFrame[0]]), attachmentFrame[1]] },
      },
    };
  }

  write(viewer: HubSocket, prepared: PreparedFrame): boolean {
    if (isViewerBackedUp(viewer)) return false;
    const frame = prepared as FastFrame;
    const conn = engineOf(viewer);
    if (!writesPreEncodedFrames(conn)) for (const packet of frame.packets) conn.write(packet.data, packet.options);
    else if (canWriteDirect(conn)) conn.transport.socket!._sender!.sendFrame!(frame.combined.options.wsPreEncodedFrame);
    else conn.write(frame.combined.data, frame.combined.options);
    return true;
  }

  /**
   * Frames written past Engine.IO fire no event when they drain, so besides Engine.IO's `ready`
   * the connection is polled every {@link CATCH_UP_POLL_MS} ms. The listener and timer exist only
   * while a viewer is behind, so viewers that keep up cost nothing extra per write.
   */
  whenDrained(viewer: HubSocket, onDrained: () => void): () => void {
    const transport = engineOf(viewer).transport;
    const poll = setInterval(() => onReady(), CATCH_UP_POLL_MS);
    const cancel = () => {
      transport.off('ready', onReady);
      clearInterval(poll);
    };
    const onReady = () => {
      if (isViewerBackedUp(viewer)) return;
      cancel();
      onDrained();
    };
    transport.on('ready', onReady);
    return cancel;
  }
}
