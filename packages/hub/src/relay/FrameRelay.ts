import { ClientRole, RejectReason, validateFrame, type RejectedInfo } from '@rigcast/protocol';
import type { HubMetrics } from '../metrics/HubMetrics.js';
import type { HubServer, HubSocket } from './HubSocket.js';
import { WebSocketOpcode, encodeWebSocketFrame } from './encodeWebSocketFrame.js';
import { isViewerBackedUp } from './isViewerBackedUp.js';
import type { RoomState } from './RoomState.js';
import { TokenBucket, burstForRate } from './TokenBucket.js';

/** Socket.IO's EVENT packet type (socket.io-parser `PacketType.EVENT`). */
const SOCKET_IO_EVENT = 2;
/** Engine.IO's "message" packet type, the prefix of a text packet on the wire. */
const ENGINE_IO_MESSAGE = '4';

/** One Engine.IO packet with its pre-built WebSocket frame. */
interface EnginePacket {
  data: string | Uint8Array;
  options: { wsPreEncodedFrame: [Buffer, Buffer] };
}

/** A `frame` event for viewers; see {@link FrameRelay.encodeForViewers}. */
interface EncodedEvent {
  packets: [EnginePacket, EnginePacket];
  combined: EnginePacket;
}

/** `ws`'s WebSocket.OPEN. */
const WS_OPEN = 1;
/** How often a viewer that skipped frames is checked for having drained (see {@link FrameRelay.skip}). */
const CATCH_UP_POLL_MS = 10;

/** The parts of a `ws` WebSocket the relay uses. */
interface RawWebSocket {
  readyState: number;
  _sender?: { sendFrame?(list: [Buffer, Buffer], cb?: () => void): void };
}

/** The parts of an Engine.IO connection the relay uses. */
interface EngineConnection {
  readyState: string;
  /** Packets Engine.IO holds until its transport is writable. */
  writeBuffer: unknown[];
  /** Queues a packet behind any unfinished write, in order. */
  write(data: string | Uint8Array, options: EnginePacket['options']): void;
  transport: { writable: boolean; perMessageDeflate?: unknown; socket?: RawWebSocket };
}

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
  return conn.readyState === 'open' && conn.transport.writable && conn.writeBuffer.length === 0 && conn.transport.socket?.readyState === WS_OPEN;
}

/**
 * Rooms and fan-out. A publisher's valid frame becomes its room's latest and is relayed, as the
 * same bytes, to the room's viewers with latest-wins semantics: a viewer whose connection has a
 * backlog ({@link isViewerBackedUp}) skips the frame instead of buffering it, and gets the
 * room's latest frame as soon as its connection has drained, so a slow viewer sees the newest
 * pose, never a queue of old ones, while viewers that keep up get every frame.
 *
 * Several publishers may share a room; each frame is relayed, so the last frame wins.
 * Publishers never receive frames. Fan-out writes to the viewers' connections of this process
 * directly (rooms are tracked here, not as Socket.IO rooms), with each frame encoded once.
 */
export class FrameRelay {
  private readonly rooms = new Map<string, RoomState>();

  constructor(
    private readonly io: HubServer,
    private readonly metrics: HubMetrics,
    private readonly maxFramesPerSecond: number,
  ) {}

  /** Number of rooms with at least one member. */
  get roomCount(): number {
    return this.rooms.size;
  }

  /** Wires an authenticated socket (its `data.room` and `data.role` are set) into its room. */
  attach(socket: HubSocket): void {
    const { room: name, role } = socket.data;
    socket.data.bucket = new TokenBucket(this.maxFramesPerSecond, burstForRate(this.maxFramesPerSecond), performance.now());
    socket.data.missedLatest = false;
    let room = this.rooms.get(name);
    if (!room) {
      room = { latest: null, viewers: new Set(), publishers: new Set() };
      this.rooms.set(name, room);
      this.metrics.rooms.set(this.rooms.size);
    }
    this.metrics.connections.labels(role).inc();

    if (role === ClientRole.Viewer) {
      room.viewers.add(socket);
      if (room.latest) {
        socket.emit('frame', room.latest);
        this.metrics.frameDeliveries.inc();
      }
    } else {
      room.publishers.add(socket);
    }

    socket.on('frame', (payload: unknown) => this.onFrame(socket, payload));
    socket.on('rtt', (ack: unknown) => {
      if (typeof ack === 'function') ack(Date.now());
    });
    socket.once('disconnect', () => this.detach(socket));
  }

  private detach(socket: HubSocket): void {
    const { room: name, role } = socket.data;
    this.metrics.connections.labels(role).dec();
    const room = this.rooms.get(name);
    if (!room) return;
    room.viewers.delete(socket);
    room.publishers.delete(socket);
    if (room.viewers.size === 0 && room.publishers.size === 0) {
      this.rooms.delete(name);
      this.metrics.rooms.set(this.rooms.size);
    }
  }

  private onFrame(socket: HubSocket, payload: unknown): void {
    this.metrics.framesIn.inc();
    const data = socket.data;
    if (!data.bucket.take(performance.now())) {
      this.metrics.rateLimitDrops.inc();
      return;
    }
    if (data.role !== ClientRole.Publisher) {
      this.reject(socket, {
        reason: RejectReason.NotPublisher,
        message: 'not-publisher: this connection joined as a viewer, so its frames are not relayed; connect with role "publisher" and the publish key to send frames.',
      });
      return;
    }
    const problem = validateFrame(payload);
    if (problem) {
      this.reject(socket, {
        reason: problem.reason,
        message: `${problem.message}; the frame was not relayed. Send bytes made by encodeFrame().`,
      });
      return;
    }
    const room = this.rooms.get(data.room);
    if (!room) return;
    const bytes = payload as Uint8Array;
    room.latest = bytes;
    let skipped = 0;
    const event = this.encodeForViewers(bytes);
    for (const viewer of room.viewers) {
      if (isViewerBackedUp(viewer)) {
        this.skip(viewer);
        skipped++;
        continue;
      }
      const conn = viewer.conn as unknown as EngineConnection;
      if (!writesPreEncodedFrames(conn)) for (const packet of event.packets) conn.write(packet.data, packet.options);
      else if (canWriteDirect(conn)) conn.transport.socket!._sender!.sendFrame!(event.combined.options.wsPreEncodedFrame);
      else conn.write(event.combined.data, event.combined.options);
    }
    this.metrics.framesRelayed.inc();
    this.metrics.frameDeliveries.inc(room.viewers.size - skipped);
    if (skipped > 0) this.metrics.viewerSkips.inc(skipped);
  }

  /**
   * A `frame` event carrying `bytes`, encoded once for all viewers. Socket.IO sends a binary
   * event as two Engine.IO packets: a text header and the bytes as an attachment. `packets` are
   * those, each with its WebSocket frame pre-built; `combined` is one packet whose pre-built
   * frame list holds both WebSocket frames, so a viewer costs one write instead of two. Only
   * connections that write pre-built frames as they are get `combined` (see
   * {@link writesPreEncodedFrames}); the bytes on the wire are the same either way.
   */
  private encodeForViewers(bytes: Uint8Array): EncodedEvent {
    const [header, attachment] = this.io.encoder.encode({ type: SOCKET_IO_EVENT, nsp: '/', data: ['frame', bytes] }) as [string, Uint8Array];
    const headerFrame = encodeWebSocketFrame(WebSocketOpcode.Text, Buffer.from(ENGINE_IO_MESSAGE + header));
    const attachmentFrame = encodeWebSocketFrame(WebSocketOpcode.Binary, attachment);
    return {
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

  /**
   * Notes that a slow viewer skipped a frame, and (once) waits for its connection to have no
   * backlog left, then sends it the room's latest frame. Frames written past Engine.IO (see
   * {@link canWriteDirect}) fire no event when they drain, so besides Engine.IO's `ready` the
   * connection is polled every {@link CATCH_UP_POLL_MS} ms. The listener and timer exist only
   * while a viewer is behind, so viewers that keep up cost nothing extra per write.
   */
  private skip(viewer: HubSocket): void {
    if (viewer.data.missedLatest) return;
    viewer.data.missedLatest = true;
    const transport = viewer.conn.transport;
    const poll = setInterval(() => onReady(), CATCH_UP_POLL_MS);
    const stopWaiting = () => {
      transport.off('ready', onReady);
      clearInterval(poll);
    };
    const onReady = () => {
      if (isViewerBackedUp(viewer)) return;
      stopWaiting();
      viewer.off('disconnect', stopWaiting);
      viewer.data.missedLatest = false;
      const latest = this.rooms.get(viewer.data.room)?.latest;
      if (!latest || !viewer.connected) return;
      viewer.emit('frame', latest);
      this.metrics.catchUps.inc();
      this.metrics.frameDeliveries.inc();
    };
    transport.on('ready', onReady);
    viewer.once('disconnect', stopWaiting);
  }

  private reject(socket: HubSocket, info: RejectedInfo): void {
    this.metrics.rejects.labels(info.reason).inc();
    socket.emit('rejected', info);
  }
}
