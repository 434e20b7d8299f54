import type { HubServer, HubSocket } from './HubSocket.js';
import type { PreparedFrame, ViewerWriter } from './ViewerWriter.js';

/** Socket.IO's EVENT packet type (socket.io-parser `PacketType.EVENT`). */
const SOCKET_IO_EVENT = 2;
/**
 * Frames a viewer may have handed to Engine.IO but not yet written to its socket before it counts
 * as slow: the fast path's cap of 64 queued Engine.IO packets, two a frame. Frames that reach the
 * hub in one bunch are all pending for a moment even for a fast viewer (Engine.IO writes one
 * batch at a time), so this cannot be a few frames.
 */
export const MAX_PENDING_FRAMES = 32;

interface PublicFrame extends PreparedFrame {
  /** The Socket.IO-encoded `frame` event: a text header and the binary attachment. */
  readonly packets: (string | Uint8Array)[];
}

/**
 * The relay's fallback writer: only public API. The event is encoded once with the server's
 * Socket.IO encoder (`io.encoder`), and each packet goes through Engine.IO's `conn.write`,
 * whose callback says when it has reached the socket. A viewer with more than
 * {@link MAX_PENDING_FRAMES} frames not yet written is behind and skips frames until the
 * callbacks catch up. Slower than {@link EngineFastPathWriter} (an Engine.IO packet, a flush and
 * a WebSocket frame built per viewer), but it depends on nothing private.
 */
export class PublicApiWriter implements ViewerWriter {
  private readonly pending = new WeakMap<HubSocket, number>();
  private readonly drainWaiters = new WeakMap<HubSocket, () => void>();

  constructor(private readonly io: HubServer) {}

  prepare(bytes: Uint8Array): PublicFrame {
    const packets = this.io.encoder.encode({ type: SOCKET_IO_EVENT, nsp: '/', data: ['frame', bytes] }) as (string | Uint8Array)[];
    return { bytes, packets };
  }

  write(viewer: HubSocket, frame: PreparedFrame): boolean {
    const pending = this.pending.get(viewer) ?? 0;
    if (pending >= MAX_PENDING_FRAMES) return false;
    this.pending.set(viewer, pending + 1);
    const { packets } = frame as PublicFrame;
    const last = packets.length - 1;
    for (let i = 0; i < last; i++) viewer.conn.write(packets[i]);
    viewer.conn.write(packets[last], undefined, () => this.onWritten(viewer));
    return true;
  }

  whenDrained(viewer: HubSocket, onDrained: () => void): () => void {
    if ((this.pending.get(viewer) ?? 0) === 0) {
      queueMicrotask(onDrained);
      return () => {};
    }
    this.drainWaiters.set(viewer, onDrained);
    return () => {
      if (this.drainWaiters.get(viewer) === onDrained) this.drainWaiters.delete(viewer);
    };
  }

  private onWritten(viewer: HubSocket): void {
    const pending = (this.pending.get(viewer) ?? 1) - 1;
    this.pending.set(viewer, pending);
    if (pending > 0) return;
    const waiter = this.drainWaiters.get(viewer);
    if (!waiter) return;
    this.drainWaiters.delete(viewer);
    waiter();
  }
}
