import type { HubSocket } from './HubSocket.js';
import type { RoomState } from './RoomState.js';

/** What a {@link RoomAdapter} tells the relay. */
export interface RoomEvents {
  /**
   * A frame for `room` from elsewhere (another node, or the room's latest kept between nodes),
   * newer than what the room had; it is now `room.latest`. The relay fans it out to the room's
   * viewers on this node.
   */
  remoteFrame(room: RoomState, bytes: Uint8Array): void;
  /** `room.viewerTotal` changed. */
  viewerTotal(room: RoomState): void;
}

/** How a hub node stands with the rest of its cluster, for `/healthz`. */
export type ClusterHealth =
  | { mode: 'single' }
  | {
      mode: 'redis';
      /** This node's id in Redis messages (hex). */
      node: string;
      /** `up`; `connecting` (never connected yet); `down` (lost, reconnecting); `stalled` (connected, not answering). */
      redis: RedisLinkState;
      /** Seconds in that state. */
      since: number;
      /** For people: what the state means for viewers. */
      message: string;
    };

/** The states of a node's link to Redis; see {@link ClusterHealth}. */
export const RedisLinkState = { Up: 'up', Connecting: 'connecting', Down: 'down', Stalled: 'stalled' } as const;
export type RedisLinkState = (typeof RedisLinkState)[keyof typeof RedisLinkState];

/**
 * Rooms, their latest frame, and the transport of frames between hub nodes, behind one seam (the
 * shape of Socket.IO's adapters: an in-memory default, and others that extend it).
 * {@link MemoryRoomAdapter} is one process; {@link RedisRoomAdapter} adds Redis between nodes.
 * Local fan-out is not the adapter's: the relay writes to this node's viewers itself, for frames
 * of its own publishers at once, and for frames the adapter hands it through {@link RoomEvents}.
 */
export interface RoomAdapter {
  /** This node's rooms with at least one member here. */
  readonly rooms: ReadonlyMap<string, RoomState>;
  /** Puts an authenticated socket (its `data.room` and `data.role` set) in its room. */
  join(socket: HubSocket): RoomState;
  /** Takes a socket out of its room; the room goes when its last member on this node does. */
  leave(socket: HubSocket): void;
  /**
   * A valid frame from a publisher on this node, already fanned out here: it becomes the room's
   * latest and, in a cluster, goes to the other nodes.
   */
  publish(room: RoomState, bytes: Uint8Array): void;
  health(): ClusterHealth;
  /** Stops, releasing connections and timers. */
  close(): Promise<void>;
}
