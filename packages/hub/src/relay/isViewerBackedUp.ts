import type { HubSocket } from './HubSocket.js';

/** Bytes a viewer's WebSocket may hold unsent before it counts as slow (about 20 frames). */
export const MAX_VIEWER_BUFFERED_BYTES = 4096;
/**
 * Engine.IO packets a viewer may have queued behind an unfinished write (a frame is two). Frames
 * that reach the hub in one bunch queue here for a moment even for a fast viewer, so this is a
 * loose safety cap; the byte backlog is the real test.
 */
export const MAX_VIEWER_QUEUED_PACKETS = 64;

/** The parts of Engine.IO's connection this check reads; absent ones fall back to `writable`. */
interface EngineConnection {
  writeBuffer?: unknown[];
  transport: { writable: boolean; socket?: { bufferedAmount?: number } };
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
  const conn = viewer.conn as unknown as EngineConnection;
  const buffered = conn.transport.socket?.bufferedAmount;
  if (typeof buffered !== 'number') return !conn.transport.writable;
  return buffered > MAX_VIEWER_BUFFERED_BYTES || (conn.writeBuffer?.length ?? 0) > MAX_VIEWER_QUEUED_PACKETS;
}
