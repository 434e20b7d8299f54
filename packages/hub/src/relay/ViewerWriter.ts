import type { HubSocket } from './HubSocket.js';

/** A frame made ready for one fan-out by {@link ViewerWriter.prepare}; only that writer reads it. */
export interface PreparedFrame {
  readonly bytes: Uint8Array;
}

/**
 * How the relay puts a frame on viewers' connections, and tells a viewer that is behind. Two
 * implementations: {@link EngineFastPathWriter} (pre-built WebSocket frames written past
 * Engine.IO, through its private fields: the default) and {@link PublicApiWriter} (Engine.IO's and
 * Socket.IO's public API only: the fallback, which CI runs too). `RIGCAST_RELAY_PATH=public`
 * (or {@link RelayPath}) picks the fallback.
 */
export interface ViewerWriter {
  /** Encodes `bytes` once for every viewer of one fan-out. */
  prepare(bytes: Uint8Array): PreparedFrame;
  /**
   * Writes `frame` to `viewer`, unless its connection has a backlog: then nothing is written and
   * the result is false (the viewer skips this frame; see {@link whenDrained}).
   */
  write(viewer: HubSocket, frame: PreparedFrame): boolean;
  /** Calls `onDrained` once `viewer` has no backlog left; returns a function that cancels the wait. */
  whenDrained(viewer: HubSocket, onDrained: () => void): () => void;
}

/** Which {@link ViewerWriter} a hub uses. */
export const RelayPath = {
  /** Pre-built WebSocket frames straight to `ws`'s sender when Engine.IO has nothing queued. */
  Fast: 'fast',
  /** Only public Engine.IO and Socket.IO API: `conn.write` with write callbacks. */
  Public: 'public',
} as const;
export type RelayPath = (typeof RelayPath)[keyof typeof RelayPath];

/** True when `value` names a {@link RelayPath}. */
export function isRelayPath(value: unknown): value is RelayPath {
  return value === RelayPath.Fast || value === RelayPath.Public;
}
