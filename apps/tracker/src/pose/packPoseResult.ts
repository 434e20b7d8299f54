import { POSE_LANDMARK_COUNT } from '@rigcast/solver';
import type { PackedLayout } from '../detect/PackedLayout';

/** Components per landmark in the packed buffers: x, y, z. */
export const POSE_LANDMARK_STRIDE = 3;

/** The typed arrays one PoseLandmarker result is packed into; they travel between worker and page. */
export interface PackedPoseArrays {
  /** x, y, z of each landmark, normalized to the image, as MediaPipe gives them. */
  image: Float32Array;
  /** x, y, z of each world landmark, metres from the hip centre. */
  world: Float32Array;
  /** Each landmark's visibility, `NaN` when MediaPipe gives none. */
  visibility: Float32Array;
  /** Each landmark's presence, `NaN` when MediaPipe gives none. */
  presence: Float32Array;
}

/** What is in a packed pose result besides the arrays. */
export interface PackedPoseInfo {
  hasPose: boolean;
  /** Time spent in `detectForVideo`, ms. */
  inferenceMs: number;
}

/** One landmark of MediaPipe's `PoseLandmarkerResult`. */
interface PoseLandmarkOutput {
  x: number;
  y: number;
  z: number;
  visibility?: number;
  presence?: number;
}

/** The parts of MediaPipe's `PoseLandmarkerResult` that are packed. */
export interface PoseLandmarkerOutput {
  landmarks: PoseLandmarkOutput[][];
  worldLandmarks: PoseLandmarkOutput[][];
}

/**
 * Copies the first pose of a MediaPipe result into `arrays` and says whether there was one (a
 * pose has all {@link POSE_LANDMARK_COUNT} landmarks in both lists). Allocates nothing.
 */
export function packPoseResult(result: PoseLandmarkerOutput, arrays: PackedPoseArrays, info: PackedPoseInfo): void {
  const image = result.landmarks[0];
  const world = result.worldLandmarks[0];
  info.hasPose = image !== undefined && world !== undefined && image.length >= POSE_LANDMARK_COUNT && world.length >= POSE_LANDMARK_COUNT;
  if (!info.hasPose) return;
  for (let i = 0, o = 0; i < POSE_LANDMARK_COUNT; i++, o += POSE_LANDMARK_STRIDE) {
    const seen = image[i];
    const point = world[i];
    arrays.image[o] = seen.x;
    arrays.image[o + 1] = seen.y;
    arrays.image[o + 2] = seen.z;
    arrays.world[o] = point.x;
    arrays.world[o + 1] = point.y;
    arrays.world[o + 2] = point.z;
    arrays.visibility[i] = seen.visibility ?? Number.NaN;
    arrays.presence[i] = seen.presence ?? Number.NaN;
  }
}

/** How PoseLandmarker's results travel between the worker and the page. */
export const POSE_LAYOUT: PackedLayout<PoseLandmarkerOutput, PackedPoseArrays, PackedPoseInfo> = {
  createArrays: () => ({
    image: new Float32Array(POSE_LANDMARK_COUNT * POSE_LANDMARK_STRIDE),
    world: new Float32Array(POSE_LANDMARK_COUNT * POSE_LANDMARK_STRIDE),
    visibility: new Float32Array(POSE_LANDMARK_COUNT),
    presence: new Float32Array(POSE_LANDMARK_COUNT),
  }),
  createInfo: () => ({ hasPose: false, inferenceMs: 0 }),
  pack: packPoseResult,
  transferList: (arrays) => [arrays.image.buffer, arrays.world.buffer, arrays.visibility.buffer, arrays.presence.buffer] as ArrayBuffer[],
  copyInfo(from, to) {
    to.hasPose = from.hasPose;
    to.inferenceMs = from.inferenceMs;
  },
};
