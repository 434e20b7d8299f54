/**
 * Which relay a run measures: the rigcast hub, the naive Socket.IO relay (the baseline), or the
 * floor (a raw `ws` fan-out loop: what this machine can do at all).
 */
export const RelayKind = { Rigcast: 'rigcast', Naive: 'naive', Floor: 'floor' } as const;
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind];

/** Sent by the server child once it listens. */
export interface ServerReady {
  type: 'ready';
  url: string;
  publishKey: string;
}

/** The server child's resource use since the last `mark`. */
export interface ServerStats {
  type: 'stats';
  /** CPU time over wall time, in % of one core. */
  cpuPercent: number;
  /** Largest V8 heap used seen while measuring, MB. */
  heapMaxMB: number;
  rssMB: number;
  /** The rigcast hub's own counters from /metrics (empty for the baseline). */
  counters: Record<string, number>;
}

/** Orchestrator → load generator: connect this many viewers, then count seqs in [from, to). */
export interface ViewerPlan {
  type: 'plan';
  kind: RelayKind;
  url: string;
  viewers: number;
  room: string;
  fromSeq: number;
  toSeq: number;
  /** This generator runs the correctness check: one socket.io-client viewer beside the light ones. */
  check: boolean;
}

/** What the checking generator found (see viewerLoad.ts). */
export interface FrameCheck {
  /** Whether a socket.io-client viewer took part (not for the floor, which is not Socket.IO). */
  ioClient: boolean;
  /** Frames of the window both the socket.io-client viewer and a light viewer received. */
  compared: number;
  /** Of those, frames whose bytes (rigcast) or JSON (naive) differed. */
  mismatches: number;
  /** Frames the checked light viewer got that decodeFrame / frameFromJSON refused. */
  decodeErrors: number;
  /** Frames the checked light viewer decoded. */
  decoded: number;
  /** Gaps in the checked light viewer's seq inside the window (next seq ≠ last + 1). */
  gaps: number;
}

/** Load generator → orchestrator. */
export type GeneratorMessage =
  | { type: 'connected'; viewers: number; failed: number }
  | {
      type: 'results';
      histogram: { bins: Record<number, number>; count: number; max: number };
      /** Frames of the window each viewer received. */
      receivedPerViewer: number[];
      /** Frames that came out of order or twice. */
      disordered: number;
      cpuPercent: number;
      check?: FrameCheck;
    };
