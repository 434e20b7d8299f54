import { SmoothedValue } from '../stats/SmoothedValue';
import { SourceStatus } from './SourceStatus';

/** What one source is doing, for the HUD and `window.rigcastTracker.state()`. The source keeps it current. */
export class SourceStats {
  status: SourceStatus = SourceStatus.Off;
  /** Model download progress in [0, 1]; `NaN` while the size is unknown. */
  modelProgress = 0;
  /** `GPU` or `CPU` once loaded, else empty. */
  delegate = '';
  /** Why the GPU delegate is not used, when it is not; else empty. */
  delegateNote = '';
  /** `worker` or `main` once loaded, else empty. */
  thread = '';
  /** The source's tracking state from its solver (e.g. tracking, holding, lost); empty before the first frame. */
  tracking = '';
  /** Why loading failed, for the user; empty when it did not. */
  error = '';
  /** How many times its model ran (the hands skip frames while nothing calls for them). */
  detections = 0;
  /** Smoothed `detectForVideo` time, ms. */
  readonly inferenceMs = new SmoothedValue();
  /** Smoothed solve time, ms (measured by the pipeline). */
  readonly solveMs = new SmoothedValue();
}
