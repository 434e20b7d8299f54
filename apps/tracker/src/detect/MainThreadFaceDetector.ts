import type { FaceLandmarker } from '@mediapipe/tasks-vision';
import type { DelegatePreference } from '../settings/TrackerSettings';
import { DetectorThread, type FaceDetection, type FaceDetector, type FaceDetectorInfo } from './FaceDetector';
import { createPackedFaceArrays, packFaceResult } from './packFaceResult';
import { wasmFileset } from './wasmFileset';

/** Runs FaceLandmarker on the page's own thread: the fallback when a worker cannot be used. */
export class MainThreadFaceDetector implements FaceDetector {
  readonly info: FaceDetectorInfo;
  private readonly landmarker: FaceLandmarker;
  private readonly detection: FaceDetection = {
    arrays: createPackedFaceArrays(),
    info: { hasFace: false, hasBlendshapes: false, hasMatrix: false, inferenceMs: 0 },
  };

  private constructor(landmarker: FaceLandmarker, info: FaceDetectorInfo) {
    this.landmarker = landmarker;
    this.info = info;
  }

  /** Loads the wasm and the model on the page's thread. */
  static async create(wasmBaseUrl: string, model: Uint8Array, delegate: DelegatePreference, workerError?: string): Promise<MainThreadFaceDetector> {
    // Loaded on demand: the page stays small when the worker does the work.
    const [{ createFaceLandmarker }, { readFaceConnections }] = await Promise.all([
      import('./createFaceLandmarker'),
      import('./faceConnections'),
    ]);
    const created = await createFaceLandmarker(wasmFileset(wasmBaseUrl, false), model, delegate);
    return new MainThreadFaceDetector(created.landmarker, {
      delegate: created.delegate,
      thread: DetectorThread.Main,
      gpuError: created.gpuError,
      workerError,
      connections: readFaceConnections(),
    });
  }

  async detect(video: HTMLVideoElement, timestampMs: number): Promise<FaceDetection> {
    const start = performance.now();
    const result = this.landmarker.detectForVideo(video, timestampMs);
    this.detection.info.inferenceMs = performance.now() - start;
    packFaceResult(result, this.detection.arrays, this.detection.info);
    return this.detection;
  }

  close(): void {
    this.landmarker.close();
  }
}
