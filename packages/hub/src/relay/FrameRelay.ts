import { ClientRole, RejectReason, tryDecodeFrame, type RejectedInfo } from '@rigcast/protocol';
import type { HubMetrics } from '../metrics/HubMetrics';
import type { HubServer, HubSocket } from './HubSocket';
import { isViewerBackedUp } from './isViewerBackedUp';
import type { RoomState } from './RoomState';
import { TokenBucket, burstForRate } from './TokenBucket';

/** Ids of the viewers a relay skips; reused, since frames arrive 60+ times a second. */
const skipped: string[] = [];

/**
 * Rooms and fan-out. A publisher's valid frame becomes its room's latest and is relayed, as the
 * same bytes, to the room's viewers with latest-wins semantics: a viewer whose connection has a
 * backlog ({@link isViewerBackedUp}) skips the frame instead of buffering it, and gets the
 * room's latest frame as soon as its connection has drained, so a slow viewer sees the newest
 * pose, never a queue of old ones, while viewers that keep up get every frame.
 *
 * Several publishers may share a room; each frame is relayed, so the last frame wins.
 * Publishers are not members of the Socket.IO room and never receive frames.
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
      void socket.join(name);
      if (room.latest) {
        socket.emit('frame', room.latest);
        this.metrics.frameDeliveries.inc();
      }
      const transport = socket.conn.transport;
      const onReady = () => this.catchUp(socket);
      transport.on('ready', onReady);
      socket.once('disconnect', () => transport.off('ready', onReady));
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
    const result = tryDecodeFrame(payload);
    if (!result.ok) {
      this.reject(socket, {
        reason: result.error.reason,
        message: `${result.error.message}; the frame was not relayed. Send bytes made by encodeFrame().`,
      });
      return;
    }
    const room = this.rooms.get(data.room);
    if (!room) return;
    const bytes = payload as Uint8Array;
    room.latest = bytes;
    skipped.length = 0;
    for (const viewer of room.viewers) {
      if (!isViewerBackedUp(viewer)) continue;
      viewer.data.missedLatest = true;
      skipped.push(viewer.id);
    }
    (skipped.length > 0 ? socket.to(data.room).except(skipped) : socket.to(data.room)).emit('frame', bytes);
    this.metrics.framesRelayed.inc();
    this.metrics.frameDeliveries.inc(room.viewers.size - skipped.length);
    if (skipped.length > 0) this.metrics.viewerSkips.inc(skipped.length);
  }

  /** Sends a viewer the frame it missed once its connection has drained its backlog. */
  private catchUp(viewer: HubSocket): void {
    if (!viewer.data.missedLatest || isViewerBackedUp(viewer)) return;
    viewer.data.missedLatest = false;
    const latest = this.rooms.get(viewer.data.room)?.latest;
    if (!latest) return;
    viewer.emit('frame', latest);
    this.metrics.catchUps.inc();
    this.metrics.frameDeliveries.inc();
  }

  private reject(socket: HubSocket, info: RejectedInfo): void {
    this.metrics.rejects.labels(info.reason).inc();
    socket.emit('rejected', info);
  }
}
