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

/** A snapshot of the page, as the HUD shows it and `window.rigcastTracker.state()` returns it. */
export interface TrackerState {
  status: TrackerStatus;
  /** Frames solved per second. */
  fps: number;
  framesSent: number;
  /** Smoothed `detectForVideo` time, ms. */
  inferenceMs: number;
  /** Smoothed solve time, ms. */
  solveMs: number;
  /** The last round-trip time to the hub, ms; `NaN` until measured. */
  rttMs: number;
  /** `GPU` or `CPU` once the model is loaded, else empty. */
  delegate: string;
  /** Why the GPU delegate is not used, when it is not; else empty. */
  delegateNote: string;
  /** `worker` or `main` once the model is loaded, else empty. */
  thread: string;
  /** Model download progress in [0, 1]; `NaN` while the size is unknown. */
  modelProgress: number;
  /** What stops the pipeline (camera, video, model), for the user; empty when nothing does. */
  error: string;
  /** The hub link: connecting, connected, reconnecting, refused or closed. */
  connection: string;
  /** What is wrong with the hub link and what to do, for the user; empty when connected. */
  hubError: string;
  /** How many frames the hub rejected. */
  rejected: number;
  /** The hub's latest `rejected` notice: why it refused a frame; null when none. */
  lastRejected: RejectedNotice | null;
  /** The face's tracking state from the solver: tracking, holding or lost. */
  tracking: string;
  /** camera, file or none. */
  input: string;
  /** Settings that were ignored (bad URL parameters), for the user; empty when none. */
  notice: string;
}

/** The test and support hook the page puts on `window`. */
export interface TrackerHook {
  state(): TrackerState;
}
