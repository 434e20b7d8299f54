/** The publisher's link to the hub. */
export const ConnectionState = {
  Connecting: 'connecting',
  Connected: 'connected',
  /** Lost or refused; a retry is scheduled. */
  Reconnecting: 'reconnecting',
  Closed: 'closed',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];
