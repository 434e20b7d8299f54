/** Where a {@link HubClient}'s link to the hub stands. */
export const ConnectionState = {
  /** The first attempt is under way. */
  Connecting: 'connecting',
  /** Joined the room: frames flow. */
  Connected: 'connected',
  /** Lost the hub, or could not reach it; a retry is scheduled. */
  Reconnecting: 'reconnecting',
  /** The hub refused the connection (key, room, role, origin, shutting down); a retry is scheduled. */
  Refused: 'refused',
  /** Closed for good by {@link HubClient.close}, or never opened. */
  Closed: 'closed',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];
