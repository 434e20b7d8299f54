import { createNeutralFace, type FaceRig, type RigFrame } from '@rigcast/protocol';
import { FaceSolver } from '@rigcast/solver';
import { fetchModel } from '../detect/fetchModel';
import { SourceStats } from '../pipeline/SourceStats';
import { SourceStatus } from '../pipeline/SourceStatus';
import type { TrackerSource } from '../pipeline/TrackerSource';
import type { DelegatePreference, InferenceThread } from '../settings/TrackerSettings';
import type { LandmarkOverlay } from '../ui/LandmarkOverlay';
import { createFaceDetector, type FaceDetector } from './createFaceDetector';
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

/** Where the face source gets its model and runs it. */
export interface FaceSourceOptions {
  /** The face model's absolute URL. */
  modelUrl: string;
  /** Where MediaPipe's wasm files are, absolute. */
  wasmBaseUrl: string;
  delegate: DelegatePreference;
  thread: InferenceThread;
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
    const { stats, options } = this;
    stats.status = SourceStatus.Loading;
    try {
      const model = await fetchModel(options.modelUrl, this.name, (fraction) => {
        stats.modelProgress = fraction;
      });
      const detector = await createFaceDetector(options.wasmBaseUrl, model, options.delegate, options.thread);
      stats.delegate = detector.info.delegate;
      stats.thread = detector.info.thread;
      stats.delegateNote = detector.info.gpuError ?? '';
      if (detector.info.gpuError) console.warn(`rigcast: using the CPU delegate: ${detector.info.gpuError}`);
      this.detector = detector;
      stats.status = SourceStatus.Ready;
    } catch (error) {
      stats.status = SourceStatus.Failed;
      stats.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  async detect(video: HTMLVideoElement, timestampMs: number): Promise<void> {
    if (!this.detector) throw new Error('the face model is not loaded yet');
    const detection = await this.detector.detect(video, timestampMs);
    this.view.update(detection.arrays, detection.info);
    this.stats.inferenceMs.add(detection.info.inferenceMs);
  }

  solve(frame: RigFrame, timestampMs: number, width: number, height: number): void {
    this.stats.tracking = this.solver.solve(this.view, timestampMs, width, height, this.face);
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
