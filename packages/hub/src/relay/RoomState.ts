import type { HubSocket } from './HubSocket.js';

/** A room as this hub node sees it. Removed when its last member on this node leaves. */
export interface RoomState {
  readonly name: string;
  /**
   * The newest valid frame this node has for the room, exactly as its publisher sent it: from a
   * publisher here, or in a cluster from another node or the room's latest frame kept in Redis.
   */
  latest: Uint8Array | null;
  /** Viewers connected to this node. */
  readonly viewers: Set<HubSocket>;
  /** Publishers connected to this node. */
  readonly publishers: Set<HubSocket>;
  /** Viewers of the room on every node, as last counted (on a single node, {@link viewers}' size). */
  viewerTotal: number;
}
