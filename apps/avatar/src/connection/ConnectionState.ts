/** Where the page's viewer connection stands (shown in debug mode). */
export const ConnectionState = {
  /** Not asked to connect (e.g. the room name is invalid). */
  Idle: 'idle',
  /** Connecting or reconnecting. */
  Connecting: 'connecting',
  /** Joined the room; frames flow. */
  Connected: 'connected',
  /** Lost the hub; socket.io retries with backoff. */
  Disconnected: 'disconnected',
  /** The hub refused the handshake (bad key or room, or shutting down); retried after a pause. */
  Refused: 'refused',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];
