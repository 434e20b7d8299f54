import type { HubSocket } from './HubSocket.js';

/** A room's members and its latest valid frame. Removed when the room empties. */
export interface RoomState {
  /** The bytes of the last valid frame any publisher sent, exactly as received. */
  latest: Uint8Array | null;
  viewers: Set<HubSocket>;
  publishers: Set<HubSocket>;
}
