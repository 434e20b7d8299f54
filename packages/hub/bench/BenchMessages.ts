/** Which relay a run measures. */
export const RelayKind = { Rigcast: 'rigcast', Naive: 'naive' } as const;
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
    };
