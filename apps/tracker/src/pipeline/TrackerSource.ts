import type { RigFrame } from '@rigcast/protocol';
import type { LandmarkOverlay } from '../ui/LandmarkOverlay';
import type { SourceStats } from './SourceStats';
import type { TrackerPipeline } from './TrackerPipeline';

/**
 * One thing the tracker tracks: a detector (a MediaPipe task with its model, in its own worker,
 * with the page's thread as a fallback) plus a solver that writes the source's part of the one
 * shared {@link RigFrame}. The face writes `frame.face`; a pose source would write the body's
 * torso, arms and legs, a hands source the hands and fingers.
 *
 * The {@link TrackerPipeline} runs every enabled, ready source's {@link detect} on the same video
 * frame at once, waits for the required ones and briefly for the others, then calls {@link solve}
 * on each whose detection is in, in its list order (so hands can read the arms a pose source
 * solved), {@link keep} on the others, and publishes the frame. A detection that took longer
 * finishes in the background and is solved on the next frame, at the timestamp it ran on.
 */
export interface TrackerSource {
  /** Names the source in the HUD and the page's state: `face`, `pose`, `hands`. */
  readonly name: string;
  /**
   * Whether tracking needs it. A required source's failed model stops the tracker; an optional
   * one's (pose, hands) shows in the HUD while the other sources go on.
   */
  readonly required: boolean;
  /** What the source is doing; the source keeps it current. */
  readonly stats: SourceStats;
  /**
   * Whether the pipeline runs it. Change it with {@link TrackerPipeline.setEnabled} (which loads
   * the model the first time); a disabled source's part is cleared.
   */
  enabled: boolean;
  /**
   * Downloads the model (progress in `stats.modelProgress`) and starts the detector. Rejects with
   * an error whose message tells the user what to do.
   */
  load(): Promise<void>;
  /**
   * Detects in the frame `video` shows now and keeps the result for {@link solve}. Resolves once
   * the result is in. `timestampMs` is the same for every source and increases from frame to frame.
   */
  detect(video: HTMLVideoElement, timestampMs: number): Promise<void>;
  /**
   * Whether the source's model has anything to do on the frame at `timestampMs` (the hands: not
   * while no wrist is in view). When false, the pipeline still calls {@link detect}, which then
   * resolves at once with nothing detected, and the source does not take a core. Absent: always.
   */
  wantsDetection?(timestampMs: number): boolean;
  /**
   * Solves the last detection into this source's part of `frame`. `timestampMs` is the one that
   * detection ran on (an earlier frame's when it finished in the background). Allocates nothing.
   */
  solve(frame: RigFrame, timestampMs: number, width: number, height: number): void;
  /**
   * Keeps this source's part of `frame` as last solved: its model waited for a core on this frame,
   * or is still on an earlier one. Allocates nothing.
   */
  keep(frame: RigFrame): void;
  /** Marks this source's part of `frame` as not tracked (the source is off or not ready). */
  clear(frame: RigFrame): void;
  /** Draws the last detection over the preview (after `overlay.clear`). */
  draw(overlay: LandmarkOverlay): void;
  /** Frees the detector and its worker. */
  close(): void;
}
