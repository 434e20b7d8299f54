/** What a client is in a room. */
export const ClientRole = { Publisher: 'publisher', Viewer: 'viewer' } as const;
export type ClientRole = (typeof ClientRole)[keyof typeof ClientRole];

/** The Socket.IO `auth` payload every client sends when it connects. */
export interface HandshakeAuth {
  /** 1–64 characters from `[A-Za-z0-9_-]`; see {@link isValidRoomName}. */
  room: string;
  role: ClientRole;
  /** The publish key for publishers; the view key for viewers when the hub has one. */
  key?: string;
}

/** Room names: 1–64 characters from `[A-Za-z0-9_-]`. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `room` is a valid room name. */
export function isValidRoomName(room: unknown): room is string {
  return typeof room === 'string' && ROOM_NAME_PATTERN.test(room);
}

/**
 * Codes that start a `connect_error` message from the hub (`"bad-key: …"`), so that clients can
 * react without parsing prose.
 */
export const ConnectErrorCode = {
  BadRoom: 'bad-room',
  BadRole: 'bad-role',
  BadKey: 'bad-key',
  BadOrigin: 'bad-origin',
  ShuttingDown: 'shutting-down',
  /** Too many connections, or connection attempts, from one address (refused before Socket.IO). */
  TooManyConnections: 'too-many-connections',
} as const;
export type ConnectErrorCode = (typeof ConnectErrorCode)[keyof typeof ConnectErrorCode];
