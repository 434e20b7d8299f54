import type { RejectedNotice } from '@rigcast/client';

/** What the tracker page is doing. */
export const TrackerStatus = {
  Idle: 'idle',
  LoadingModel: 'loading-model',
  StartingInput: 'starting-input',
  Running: 'running',
  Stopped: 'stopped',
  Error: 'error',
} as const;
export type TrackerStatus = (typeof TrackerStatus)[keyof typeof TrackerStatus];

/** One source in the page's state. */
export interface SourceState {
  /** off, loading, ready or failed. */
  status: string;
  enabled: boolean;
  /** Model download progress in [0, 1]; `NaN` while the size is unknown. */
  modelProgress: number;
  /** Smoothed `detectForVideo` time of this source's model, ms, over the frames it ran on. */
  inferenceMs: number;
  /** Smoothed time to solve a frame (every source), ms. */
  solveMs: number;
  /** How many times its model ran. */
  detections: number;
  /** The source's tracking state from its solver. */
  tracking: string;
  delegate: string;
  thread: string;
  /** Why its model or detector failed, for the user; empty when it did not. */
  error: string;
}

/**
 * A snapshot of the page, as the HUD shows it and `window.rigcastTracker.state()` returns it.
 * The model, delegate and inference figures sum up the sources (with the face alone, they are the
 * face's); `sources` has each one.
 */
export interface TrackerState {
  status: TrackerStatus;
  /** Frames solved per second. */
  fps: number;
  framesSent: number;
  /**
   * Smoothed time a frame spends in detection, ms: from its models starting (at once, each in its
   * worker) to the last one finishing, so the slowest model that ran on that frame.
   */
  inferenceMs: number;
  /** Smoothed time to solve a frame (every source), ms. */
  solveMs: number;
  /** Smoothed time from a video frame's capture to the start of its detection, ms. */
  queueMs: number;
  /** Smoothed time to encode and send a frame, ms. */
  sendMs: number;
  /** The last round-trip time to the hub, ms; `NaN` until measured. */
  rttMs: number;
  /** `GPU` or `CPU` once the first source's model is loaded, else empty. */
  delegate: string;
  /** Why the GPU delegate is not used, when it is not; else empty. */
  delegateNote: string;
  /** `worker` or `main` once the first source's model is loaded, else empty. */
  thread: string;
  /** Download progress of the enabled sources' models in [0, 1] (the least advanced); `NaN` while a size is unknown. */
  modelProgress: number;
  /** What stops the pipeline (camera, video, model), for the user; empty when nothing does. */
  error: string;
  /** The hub link: connecting, connected, reconnecting, refused or closed. */
  connection: string;
  /** What is wrong with the hub link and what to do, for the user; empty when connected. */
  hubError: string;
  /** Viewers of the room on every hub node, as the hub last said; `NaN` until it has and while away. */
  viewers: number;
  /** How many frames the hub rejected. */
  rejected: number;
  /** The hub's latest `rejected` notice: why it refused a frame; null when none. */
  lastRejected: RejectedNotice | null;
  /** The face's tracking state from the solver: tracking, holding or lost. */
  tracking: string;
  /** What of the body is tracked: upper, full or off. */
  body: string;
  /** Whether the hands are tracked. */
  hands: boolean;
  /** camera, file or none. */
  input: string;
  /** Settings that were ignored (bad URL parameters), and optional models that failed (the others go on), for the user; empty when none. */
  notice: string;
  /** Each source by name. */
  sources: Record<string, SourceState>;
  /** The Record button's recording: running or not, and what it holds so far. */
  recording: { active: boolean; frames: number; bytes: number; elapsedMs: number };
}

/** The test and support hook the page puts on `window`. */
export interface TrackerHook {
  state(): TrackerState;
}
