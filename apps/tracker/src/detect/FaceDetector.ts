import type { DelegateName } from './DelegateName';
import type { FaceConnections } from './faceConnections';
import type { PackedFaceArrays, PackedFaceInfo } from './packFaceResult';

/** Where inference runs. */
export const DetectorThread = { Worker: 'worker', Main: 'main' } as const;
export type DetectorThread = (typeof DetectorThread)[keyof typeof DetectorThread];

/** What a ready detector runs on. */
export interface FaceDetectorInfo {
  delegate: DelegateName;
  thread: DetectorThread;
  /** Why the GPU delegate was not used, when it was tried and failed. */
  gpuError?: string;
  /** Why the worker was not used, when it was tried and failed. */
  workerError?: string;
  connections: FaceConnections;
}

/** One frame's packed result. The arrays belong to the detector and are valid until the next `detect`. */
export interface FaceDetection {
  arrays: PackedFaceArrays;
  info: PackedFaceInfo;
}

/** Runs FaceLandmarker on video frames, one frame in flight at a time. */
export interface FaceDetector {
  readonly info: FaceDetectorInfo;
  /**
   * Detects the face in the frame `video` shows now. `timestampMs` must increase from call to call.
   * Call again only after the previous call settled.
   */
  detect(video: HTMLVideoElement, timestampMs: number): Promise<FaceDetection>;
  /** Frees the model and the worker. */
  close(): void;
}
