import { ClientRole, RejectReason, validateFrame, type RejectedInfo } from '@rigcast/protocol';
import type { HubMetrics } from '../metrics/HubMetrics.js';
import type { HubSocket } from './HubSocket.js';
import type { RoomAdapter, RoomEvents } from './RoomAdapter.js';
import type { RoomState } from './RoomState.js';
import { TokenBucket, burstForRate } from './TokenBucket.js';
import type { ViewerWriter } from './ViewerWriter.js';

/** Shortest time between two `viewers` events to a room's publishers: a crowd joining is one update, not one per viewer. */
const VIEWER_NOTICE_MS = 250;

/**
 * Fan-out. A publisher's valid frame becomes its room's latest and is relayed, as the same
 * bytes, to the room's viewers on this node with latest-wins semantics: a viewer whose
 * connection has a backlog skips the frame instead of buffering it, and gets the room's latest
 * frame as soon as its connection has drained, so a slow viewer sees the newest pose, never a
 * queue of old ones, while viewers that keep up get every frame.
 *
 * Rooms, the latest frame and other nodes are the {@link RoomAdapter}'s; frames it brings from
 * elsewhere are fanned out the same way. Writing to viewers is the {@link ViewerWriter}'s, with
 * each frame encoded once. Several publishers may share a room; each frame is relayed, so the
 * last frame wins. Publishers never receive frames; they get the room's viewer count (`viewers`).
 */
export class FrameRelay implements RoomEvents {
  private adapter!: RoomAdapter;
  private readonly viewerNotices = new Map<RoomState, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly writer: ViewerWriter,
    private readonly metrics: HubMetrics,
    private readonly maxFramesPerSecond: number,
  ) {}

  /** Connects the relay to its rooms (the adapter is made with this relay as its {@link RoomEvents}). */
  use(adapter: RoomAdapter): void {
    this.adapter = adapter;
  }

  /** Number of rooms with at least one member on this node. */
  get roomCount(): number {
    return this.adapter.rooms.size;
  }

  /** Wires an authenticated socket (its `data.room` and `data.role` are set) into its room. */
  attach(socket: HubSocket): void {
    const { role } = socket.data;
    socket.data.bucket = new TokenBucket(this.maxFramesPerSecond, burstForRate(this.maxFramesPerSecond), performance.now());
    socket.data.missedLatest = false;
    const room = this.adapter.join(socket);
    this.metrics.rooms.set(this.adapter.rooms.size);
    this.metrics.connections.labels(role).inc();

    if (role === ClientRole.Viewer) {
      if (room.latest) {
        socket.emit('frame', room.latest);
        this.metrics.frameDeliveries.inc();
      }
    } else {
      socket.emit('viewers', { viewers: room.viewerTotal });
    }

    socket.on('frame', (payload: unknown) => this.onFrame(socket, room, payload));
    socket.on('rtt', (ack: unknown) => {
      if (typeof ack === 'function') ack(Date.now());
    });
    socket.once('disconnect', () => {
      this.metrics.connections.labels(role).dec();
      this.adapter.leave(socket);
      this.metrics.rooms.set(this.adapter.rooms.size);
      if (!this.adapter.rooms.has(room.name)) this.cancelViewerNotice(room);
    });
  }

  remoteFrame(room: RoomState, bytes: Uint8Array): void {
    this.fanOut(room, bytes);
  }

  viewerTotal(room: RoomState): void {
    if (room.publishers.size === 0 || this.viewerNotices.has(room)) return;
    this.viewerNotices.set(
      room,
      setTimeout(() => {
        this.viewerNotices.delete(room);
        for (const publisher of room.publishers) publisher.emit('viewers', { viewers: room.viewerTotal });
      }, VIEWER_NOTICE_MS),
    );
  }

  /** Stops pending timers (the hub is closing). */
  close(): void {
    for (const timer of this.viewerNotices.values()) clearTimeout(timer);
    this.viewerNotices.clear();
  }

  private cancelViewerNotice(room: RoomState): void {
    clearTimeout(this.viewerNotices.get(room));
    this.viewerNotices.delete(room);
  }

  private onFrame(socket: HubSocket, room: RoomState, payload: unknown): void {
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
    const bytes = payload as Uint8Array;
    // Viewers here first; other nodes (Redis) are not on this path.
    this.fanOut(room, bytes);
    this.adapter.publish(room, bytes);
  }

  /** Writes `bytes` to the room's viewers on this node, encoded once. */
  private fanOut(room: RoomState, bytes: Uint8Array): void {
    let skipped = 0;
    if (room.viewers.size > 0) {
      const frame = this.writer.prepare(bytes);
      for (const viewer of room.viewers) {
        if (this.writer.write(viewer, frame)) continue;
        this.skip(viewer, room);
        skipped++;
      }
    }
    this.metrics.framesRelayed.inc();
    this.metrics.frameDeliveries.inc(room.viewers.size - skipped);
    if (skipped > 0) this.metrics.viewerSkips.inc(skipped);
  }

  /**
   * Notes that a slow viewer skipped a frame, and (once) waits for its connection to have no
   * backlog left, then sends it the room's latest frame.
   */
  private skip(viewer: HubSocket, room: RoomState): void {
    if (viewer.data.missedLatest) return;
    viewer.data.missedLatest = true;
    const cancel = this.writer.whenDrained(viewer, () => {
      viewer.off('disconnect', cancel);
      viewer.data.missedLatest = false;
      if (!room.latest || !viewer.connected) return;
      viewer.emit('frame', room.latest);
      this.metrics.catchUps.inc();
      this.metrics.frameDeliveries.inc();
    });
    viewer.once('disconnect', cancel);
  }

  private reject(socket: HubSocket, info: RejectedInfo): void {
    this.metrics.rejects.labels(info.reason).inc();
    socket.emit('rejected', info);
  }
}
