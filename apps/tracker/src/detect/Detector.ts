import type { DelegateName } from './DelegateName';

/** Where inference runs. */
export const DetectorThread = { Worker: 'worker', Main: 'main' } as const;
export type DetectorThread = (typeof DetectorThread)[keyof typeof DetectorThread];

/** What a ready detector runs on. */
export interface DetectorInfo<Extra> {
  delegate: DelegateName;
  thread: DetectorThread;
  /** Why the GPU delegate was not used, when it was tried and failed. */
  gpuError?: string;
  /** Why the worker was not used, when it was tried and failed. */
  workerError?: string;
  /** What the task hands the page once, when ready (the face: its landmark connections). */
  extra: Extra;
}

/** One frame's packed result. The arrays belong to the detector and are valid until the next `detect`. */
export interface Detection<Arrays, Info> {
  arrays: Arrays;
  info: Info;
}

/**
 * Runs one MediaPipe task on video frames, one frame in flight at a time, in a Web Worker or on
 * the page's thread ({@link createDetector} picks).
 */
export interface Detector<Arrays, Info, Extra> {
  readonly info: DetectorInfo<Extra>;
  /**
   * Detects in the frame `video` shows now. `timestampMs` must increase from call to call.
   * Call again only after the previous call settled. `maxResults`: how many results the task
   * should look for from now on (the hands: 1 or 2); absent keeps the task's setting.
   */
  detect(video: HTMLVideoElement, timestampMs: number, maxResults?: number): Promise<Detection<Arrays, Info>>;
  /** Frees the model and the worker. */
  close(): void;
}
