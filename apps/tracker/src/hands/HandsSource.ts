import type { BodyPartName, RigFrame } from '@rigcast/protocol';
import { HandSide, HandSolver, TrackingState, shouldDetectHands, type HandDetectionContext } from '@rigcast/solver';
import type { SharedBody } from '../body/SharedBody';
import { loadSourceDetector } from '../detect/loadSourceDetector';
import type { DetectorPlacement } from '../detect/TaskDetectorSpec';
import { SourceStats } from '../pipeline/SourceStats';
import { SourceStatus } from '../pipeline/SourceStatus';
import type { TrackerSource } from '../pipeline/TrackerSource';
import type { PoseSource } from '../pose/PoseSource';
import type { LandmarkOverlay } from '../ui/LandmarkOverlay';
import { HandCountHint } from './HandCountHint';
import { HANDS_DETECTOR, type HandsDetector } from './handsDetector';
import { HandsResultView } from './HandsResultView';

/** Each hand's stroke on the preview, in the order HandLandmarker found them. */
const HAND_STYLES = ['rgba(255, 200, 60, 0.95)', 'rgba(255, 120, 200, 0.95)'];
/** The parts the hands write. */
const HAND_PARTS: readonly BodyPartName[] = ['leftHand', 'rightHand'];
const STATES = Object.values(TrackingState);
/** The HUD's text for each pair of the avatar's hand states, made once: `left tracking · right lost`. */
const TRACKING_TEXT = Object.fromEntries(
  STATES.map((left) => [left, Object.fromEntries(STATES.map((right) => [right, `left ${left} · right ${right}`]))]),
) as Record<TrackingState, Record<TrackingState, string>>;

/** Where the hands source gets its model and runs it, and how it solves. */
export interface HandsSourceOptions extends DetectorPlacement {
  /** The hand model's absolute URL. */
  modelUrl: string;
  /** Mirror the avatar (the user's mirror image). */
  mirror: boolean;
  /** Filter strength, 0 = raw … 1 = heaviest. */
  smoothing: number;
}

/**
 * The hands: HandLandmarker (up to two hands) in its worker, and the HandSolver writing the wrists
 * and the 30 finger bones into the {@link SharedBody}, each hand on its own forearm. With a pose,
 * each detected hand goes to the nearer pose wrist (MediaPipe's label is only the fallback), and
 * while the pose shows no wrist in the frame and no hand is tracked, the model runs only every
 * quarter second ({@link shouldDetectHands}) to give the face and pose the cores, and it looks
 * for only as many hands as the pose shows wrists ({@link HandCountHint}). Without a pose
 * (a hand close to the camera), the hands are solved on their own.
 */
export class HandsSource implements TrackerSource {
  readonly name = 'hands';
  readonly required = false;
  readonly stats = new SourceStats();
  enabled: boolean;
  /** The hands' solver: mirror and smoothing are set on it. */
  readonly solver: HandSolver;
  private detector: HandsDetector | undefined;
  private readonly view = new HandsResultView();
  private lastDetectionMs = Number.NEGATIVE_INFINITY;
  private attached = false;
  private readonly context: HandDetectionContext = { poseRunning: false, poseWrists: null, handsTracked: 0, msSinceLastDetection: 0 };
  private readonly handCount = new HandCountHint();

  constructor(
    private readonly options: HandsSourceOptions,
    private readonly body: SharedBody,
    /** The pose the hands hang on; null when the page runs no pose source. */
    private readonly pose: PoseSource | null,
    enabled: boolean,
  ) {
    this.enabled = enabled;
    this.solver = new HandSolver({ mirror: options.mirror, smoothing: options.smoothing });
  }

  async load(): Promise<void> {
    this.detector = await loadSourceDetector(HANDS_DETECTOR, this.options.modelUrl, this.options, this.stats);
  }

  wantsDetection(timestampMs: number): boolean {
    const context = this.context;
    // The pose's wrists as of the frame before: this frame's pose is being detected beside us.
    context.poseRunning = this.pose?.running ?? false;
    context.poseWrists = this.pose?.wrists ?? null;
    context.handsTracked = this.solver.trackedCount;
    context.msSinceLastDetection = timestampMs - this.lastDetectionMs;
    return shouldDetectHands(context);
  }

  async detect(video: HTMLVideoElement, timestampMs: number): Promise<void> {
    if (!this.detector) throw new Error('the hands model is not loaded yet');
    if (!this.wantsDetection(timestampMs)) {
      this.view.clear();
      return;
    }
    this.lastDetectionMs = timestampMs;
    // As many hands as the pose shows wrists (or the solver tracks): the palm detector then stops.
    const detection = await this.detector.detect(video, timestampMs, this.handCount.update(this.context, timestampMs));
    this.view.update(detection.arrays, detection.info);
    this.stats.inferenceMs.add(detection.info.inferenceMs);
    this.stats.detections++;
  }

  solve(frame: RigFrame, timestampMs: number): void {
    this.attached = true;
    const pose = this.pose;
    // The pose as last solved: this frame's when its model ran on it (it solves before the hands).
    this.solver.solve(this.view, timestampMs, this.body.rig, pose?.arms ?? null, pose?.wrists ?? null);
    this.stats.tracking = TRACKING_TEXT[this.solver.state(HandSide.Left)][this.solver.state(HandSide.Right)];
    this.body.attach(frame);
  }

  keep(frame: RigFrame): void {
    if (!this.attached) return;
    // The hands as last solved, with their twist on the lowerArm the pose may have written since.
    this.solver.rewrite(this.body.rig);
    this.body.attach(frame);
  }

  clear(frame: RigFrame): void {
    this.view.clear();
    if (this.attached) {
      // Switched off: the hands are forgotten, so that they blend in from rest when switched on again.
      this.attached = false;
      this.solver.reset();
      this.stats.tracking = '';
    }
    this.body.release(frame, HAND_PARTS);
  }

  draw(overlay: LandmarkOverlay): void {
    const skeleton = this.detector?.info.extra;
    if (!skeleton) return;
    const hands = this.view.landmarks;
    for (let h = 0; h < hands.length; h++) overlay.drawPairs(hands[h], skeleton, HAND_STYLES[h]);
  }

  close(): void {
    this.detector?.close();
    this.detector = undefined;
    this.stats.status = SourceStatus.Off;
  }
}
