import { createNeutralFace, type FaceRig, type RigFrame } from '@rigcast/protocol';
import { FaceSolver } from '@rigcast/solver';
import { loadSourceDetector } from '../detect/loadSourceDetector';
import type { DetectorPlacement } from '../detect/TaskDetectorSpec';
import { SourceStats } from '../pipeline/SourceStats';
import { SourceStatus } from '../pipeline/SourceStatus';
import type { TrackerSource } from '../pipeline/TrackerSource';
import type { LandmarkOverlay } from '../ui/LandmarkOverlay';
import { FACE_DETECTOR, type FaceDetector } from './faceDetector';
import type { FaceConnections } from './faceConnections';
import { FaceResultView } from './FaceResultView';

/** Stroke colours per feature; "left" and "right" are the subject's, as in MediaPipe's names. */
const FEATURE_STYLE: Record<keyof FaceConnections, string> = {
  oval: 'rgba(224, 224, 224, 0.8)',
  leftEye: '#30ff30',
  rightEye: '#ff3030',
  leftIris: '#30ff30',
  rightIris: '#ff3030',
  leftBrow: '#30ff30',
  rightBrow: '#ff3030',
  lips: '#e0a0ff',
};
const FEATURES = Object.keys(FEATURE_STYLE) as (keyof FaceConnections)[];

/** Where the face source gets its model and runs it, and how it solves. */
export interface FaceSourceOptions extends DetectorPlacement {
  /** The face model's absolute URL. */
  modelUrl: string;
  /** Mirror the avatar (the user's mirror image). */
  mirror: boolean;
  /** Filter strength, 0 = raw … 1 = heaviest. */
  smoothing: number;
}

/**
 * The face: FaceLandmarker (blendshapes and the transformation matrix) in its worker, and
 * FaceSolver writing `frame.face` (head pose, blendshapes, presets, gaze, confidence).
 */
export class FaceSource implements TrackerSource {
  readonly name = 'face';
  readonly required = true;
  readonly stats = new SourceStats();
  enabled = true;
  /** The face's solver: mirror, smoothing and calibration are set on it. */
  readonly solver: FaceSolver;
  private detector: FaceDetector | undefined;
  private readonly view = new FaceResultView();
  private readonly face: FaceRig = createNeutralFace();

  constructor(private readonly options: FaceSourceOptions) {
    this.solver = new FaceSolver({ mirror: options.mirror, smoothing: options.smoothing });
  }

  async load(): Promise<void> {
    this.detector = await loadSourceDetector(FACE_DETECTOR, this.options.modelUrl, this.options, this.stats);
  }

  async detect(video: HTMLVideoElement, timestampMs: number): Promise<void> {
    if (!this.detector) throw new Error('the face model is not loaded yet');
    const detection = await this.detector.detect(video, timestampMs);
    this.view.update(detection.arrays, detection.info);
    this.stats.inferenceMs.add(detection.info.inferenceMs);
    this.stats.detections++;
  }

  solve(frame: RigFrame, timestampMs: number, width: number, height: number): void {
    this.stats.tracking = this.solver.solve(this.view, timestampMs, width, height, this.face);
    frame.face = this.face;
  }

  keep(frame: RigFrame): void {
    frame.face = this.face;
  }

  clear(frame: RigFrame): void {
    this.view.clear();
    frame.face = undefined;
  }

  draw(overlay: LandmarkOverlay): void {
    const connections = this.detector?.info.extra;
    if (!this.view.hasFace || !connections) return;
    for (const feature of FEATURES) overlay.drawPairs(this.view.points, connections[feature], FEATURE_STYLE[feature]);
  }

  close(): void {
    this.detector?.close();
    this.detector = undefined;
    this.stats.status = SourceStatus.Off;
  }
}
