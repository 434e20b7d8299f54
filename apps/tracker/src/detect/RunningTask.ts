import type { DelegatePreference } from '../settings/TrackerSettings';
import type { DelegateName } from './DelegateName';
import type { WasmFileset } from './wasmFileset';

/** A MediaPipe task created in this thread (worker or page), ready to run on video frames. */
export interface RunningTask<Result, Extra> {
  readonly delegate: DelegateName;
  /** Why the GPU was not used, when it was wanted and failed. */
  readonly gpuError?: string;
  /** What the page gets once (see {@link DetectorInfo.extra}). */
  readonly extra: Extra;
  /**
   * Runs the task on one frame (VIDEO mode: `timestampMs` increases from call to call).
   * `maxResults`, when given, is how many results the task should look for from this frame on
   * (HandLandmarker's `numHands`); a task that has no such setting ignores it. A change may first
   * reconfigure the task, so the result can come as a promise.
   */
  run(image: ImageBitmap | HTMLVideoElement, timestampMs: number, maxResults?: number): Result | Promise<Result>;
  close(): void;
}

/** Creates a task from the wasm files and the model bytes, on the delegate asked for (with its fallback). */
export type CreateTask<Result, Extra> = (
  fileset: WasmFileset,
  model: Uint8Array,
  delegate: DelegatePreference,
) => Promise<RunningTask<Result, Extra>>;
