/**
 * Names in Redis. The room in braces is a hash tag, so a room's keys and channel share a Redis
 * Cluster slot: a move to Redis Cluster is then a switch to sharded pub/sub (SPUBLISH).
 */
const PREFIX = 'rigcast:{';
const CHANNEL_SUFFIX = '}:frames';

/** The channel a room's frames go out on. */
export function frameChannel(room: string): string {
  return `${PREFIX}${room}${CHANNEL_SUFFIX}`;
}

/** The key holding a room's latest frame (with a TTL). */
export function latestKey(room: string): string {
  return `${PREFIX}${room}}:latest`;
}

/** The hash of each node's viewer count in a room. */
export function viewersKey(room: string): string {
  return `${PREFIX}${room}}:viewers`;
}

/** The room a {@link frameChannel} belongs to, or null for any other channel. */
export function roomOfChannel(channel: string): string | null {
  if (!channel.startsWith(PREFIX) || !channel.endsWith(CHANNEL_SUFFIX)) return null;
  return channel.slice(PREFIX.length, channel.length - CHANNEL_SUFFIX.length);
}
