import type { BodyPartName, RigFrame } from '@rigcast/protocol';
import { BodyMode, BodySolver, type ArmChainLike, type PoseWristsLike } from '@rigcast/solver';
import type { SharedBody } from '../body/SharedBody';
import { loadSourceDetector } from '../detect/loadSourceDetector';
import type { DetectorPlacement } from '../detect/TaskDetectorSpec';
import { SourceStats } from '../pipeline/SourceStats';
import { SourceStatus } from '../pipeline/SourceStatus';
import type { TrackerSource } from '../pipeline/TrackerSource';
import type { LandmarkOverlay } from '../ui/LandmarkOverlay';
import { POSE_DETECTOR, type PoseDetector } from './poseDetector';
import { PoseResultView } from './PoseResultView';

/** The skeleton's stroke on the preview. */
const SKELETON_STYLE = 'rgba(80, 200, 255, 0.9)';
/** The parts the pose writes; the hands own the rest of the body. */
const POSE_PARTS: readonly BodyPartName[] = ['torso', 'leftArm', 'rightArm', 'leftLeg', 'rightLeg'];

/** Where the pose source gets its model and runs it, and how it solves. */
export interface PoseSourceOptions extends DetectorPlacement {
  /** The pose model's absolute URL (lite or full). */
  modelUrl: string;
  /** What to track: upper body, full body (`off` is the source switched off). */
  mode: BodyMode;
  /** Mirror the avatar (the user's mirror image). */
  mirror: boolean;
  /** Filter strength, 0 = raw … 1 = heaviest. */
  smoothing: number;
}

/**
 * The body: PoseLandmarker in its worker, and the BodySolver writing the torso, arms (and in
 * `full` mode hips and legs) into the {@link SharedBody}. It also tells the hands source where the
 * wrists are in the image and lends it the arm chain, so that each hand hangs on its own forearm.
 */
export class PoseSource implements TrackerSource {
  readonly name = 'pose';
  readonly required = false;
  readonly stats = new SourceStats();
  enabled: boolean;
  /** The body's solver: mode, mirror and smoothing are set on it. */
  readonly solver: BodySolver;
  private detector: PoseDetector | undefined;
  private readonly view = new PoseResultView();
  private solvedWrists: PoseWristsLike | null = null;
  private attached = false;

  constructor(
    private readonly options: PoseSourceOptions,
    private readonly body: SharedBody,
  ) {
    this.enabled = options.mode !== BodyMode.Off;
    this.solver = new BodySolver({ mode: options.mode === BodyMode.Off ? BodyMode.Upper : options.mode, mirror: options.mirror, smoothing: options.smoothing });
  }

  /** True when the pose ran on the frame being solved (the hands source asks, after this source solved). */
  get running(): boolean {
    return this.enabled && this.stats.status === SourceStatus.Ready;
  }

  /** The subject's wrists in the image of the last solved frame; null without a pose. */
  get wrists(): PoseWristsLike | null {
    return this.running ? this.solvedWrists : null;
  }

  /** The arm chain of the last solve, for the hands; null while the pose is off. */
  get arms(): ArmChainLike | null {
    return this.running ? this.solver : null;
  }

  async load(): Promise<void> {
    this.detector = await loadSourceDetector(POSE_DETECTOR, this.options.modelUrl, this.options, this.stats);
  }

  async detect(video: HTMLVideoElement, timestampMs: number): Promise<void> {
    if (!this.detector) throw new Error('the pose model is not loaded yet');
    const detection = await this.detector.detect(video, timestampMs);
    this.view.update(detection.arrays, detection.info);
    this.stats.inferenceMs.add(detection.info.inferenceMs);
    this.stats.detections++;
  }

  solve(frame: RigFrame, timestampMs: number, width: number, height: number): void {
    this.attached = true;
    this.stats.tracking = this.solver.solve(this.view, timestampMs, this.body.rig);
    this.solvedWrists = this.view.wrists(width, height);
    this.body.attach(frame);
  }

  keep(frame: RigFrame): void {
    // The body's bones stay in the shared rig as last solved.
    if (this.attached) this.body.attach(frame);
  }

  clear(frame: RigFrame): void {
    this.view.clear();
    this.solvedWrists = null;
    if (this.attached) {
      // Switched off: the body is forgotten, so that it blends in from rest when switched on again.
      this.attached = false;
      this.solver.reset();
      this.stats.tracking = '';
    }
    this.body.release(frame, POSE_PARTS);
  }

  draw(overlay: LandmarkOverlay): void {
    const skeleton = this.detector?.info.extra;
    if (this.view.hasPose && skeleton) overlay.drawPairs(this.view.points, skeleton, SKELETON_STYLE);
  }

  close(): void {
    this.detector?.close();
    this.detector = undefined;
    this.stats.status = SourceStatus.Off;
  }
}
