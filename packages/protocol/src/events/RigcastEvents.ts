import type { FrameDecodeReason } from '../codec/FrameDecodeError.js';

/** Why the hub refused a `frame` from a client. */
export const RejectReason = {
  /** The sender is a viewer; only publishers may send frames. */
  NotPublisher: 'not-publisher',
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason] | FrameDecodeReason;

/** The body of a `rejected` event. */
export interface RejectedInfo {
  reason: RejectReason;
  /** A human-readable explanation. */
  message: string;
}

/** The body of a `viewers` event: how many viewers watch the publisher's room, on every hub node. */
export interface ViewerCountInfo {
  /** Viewers in the room across the cluster (on a single hub, that hub's). */
  viewers: number;
}

/** Binary frame bytes as they travel: browsers send Uint8Array and receive ArrayBuffer; Node has Buffer. */
export type FrameBytes = Uint8Array | ArrayBuffer;

/** Events clients send to the hub. */
export interface ClientToServerEvents {
  /** A publisher's binary RigFrame. */
  frame: (bytes: FrameBytes) => void;
  /** Round-trip probe: the hub acknowledges at once with its clock (ms). */
  rtt: (ack: (hubTime: number) => void) => void;
}

/** Events the hub sends to clients. */
export interface ServerToClientEvents {
  /** A binary RigFrame, relayed byte for byte from the room's publisher. */
  frame: (bytes: FrameBytes) => void;
  /** The hub refused the sender's last `frame`; nothing was relayed. */
  rejected: (info: RejectedInfo) => void;
  /**
   * To publishers only: the room's viewer count, sent on joining and whenever it changes (at most
   * about once a second in a cluster, where nodes add up their counts in Redis).
   */
  viewers: (info: ViewerCountInfo) => void;
}
