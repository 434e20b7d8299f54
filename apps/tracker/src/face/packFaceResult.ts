import { MEDIAPIPE_BLENDSHAPE_NAMES } from '@rigcast/protocol';
import { FACE_LANDMARK_COUNT_WITH_IRIS } from '@rigcast/solver';
import type { PackedLayout } from '../detect/PackedLayout';

/** FaceLandmarker's landmark count with iris refinement (468 mesh + 10 iris), as the solver reads it. */
export const FACE_LANDMARK_COUNT = FACE_LANDMARK_COUNT_WITH_IRIS;
/** Components per landmark in the packed buffer: x, y, z. */
export const LANDMARK_STRIDE = 3;
/** FaceLandmarker's blendshape categories, `_neutral` included. */
export const BLENDSHAPE_COUNT = MEDIAPIPE_BLENDSHAPE_NAMES.length;
/** The facial transformation matrix is 4 × 4. */
export const MATRIX_SIZE = 4;

/** The typed arrays one FaceLandmarker result is packed into; they travel between worker and page. */
export interface PackedFaceArrays {
  /** x, y, z of each landmark, normalized to the image as MediaPipe gives them. */
  landmarks: Float32Array;
  /** Blendshape scores by MediaPipe category index. */
  blendshapes: Float32Array;
  /** The facial transformation matrix, column-major as MediaPipe gives it. */
  matrix: Float32Array;
}

/** What is in a packed result besides the arrays. */
export interface PackedFaceInfo {
  hasFace: boolean;
  hasBlendshapes: boolean;
  hasMatrix: boolean;
  /** Time spent in `detectForVideo`, ms. */
  inferenceMs: number;
}

/** Info for a result with no face yet. */
export function createPackedFaceInfo(): PackedFaceInfo {
  return { hasFace: false, hasBlendshapes: false, hasMatrix: false, inferenceMs: 0 };
}

/** A new set of arrays for one result. Allocate once per in-flight slot, then reuse. */
export function createPackedFaceArrays(): PackedFaceArrays {
  return {
    landmarks: new Float32Array(FACE_LANDMARK_COUNT * LANDMARK_STRIDE),
    blendshapes: new Float32Array(BLENDSHAPE_COUNT),
    matrix: new Float32Array(MATRIX_SIZE * MATRIX_SIZE),
  };
}

/** The parts of MediaPipe's `FaceLandmarkerResult` that are packed. */
export interface FaceLandmarkerOutput {
  faceLandmarks: { x: number; y: number; z: number }[][];
  faceBlendshapes?: { categories: { score: number; index?: number }[] }[];
  facialTransformationMatrixes?: { data: ArrayLike<number> }[];
}

/**
 * Copies the first face of a MediaPipe result into `arrays` and writes what was found into `info`.
 * Allocates nothing.
 */
export function packFaceResult(result: FaceLandmarkerOutput, arrays: PackedFaceArrays, info: PackedFaceInfo): void {
  const face = result.faceLandmarks[0];
  info.hasFace = face !== undefined && face.length >= FACE_LANDMARK_COUNT;
  info.hasBlendshapes = false;
  info.hasMatrix = false;
  if (!info.hasFace) return;
  const { landmarks, blendshapes, matrix } = arrays;
  for (let i = 0, o = 0; i < FACE_LANDMARK_COUNT; i++, o += LANDMARK_STRIDE) {
    const point = face[i];
    landmarks[o] = point.x;
    landmarks[o + 1] = point.y;
    landmarks[o + 2] = point.z;
  }
  const categories = result.faceBlendshapes?.[0]?.categories;
  if (categories && categories.length > 0) {
    blendshapes.fill(0);
    for (let i = 0; i < categories.length; i++) {
      const category = categories[i];
      const index = category.index ?? i;
      if (index >= 0 && index < BLENDSHAPE_COUNT) blendshapes[index] = category.score;
    }
    info.hasBlendshapes = true;
  }
  const data = result.facialTransformationMatrixes?.[0]?.data;
  if (data && data.length >= matrix.length) {
    for (let i = 0; i < matrix.length; i++) matrix[i] = data[i];
    info.hasMatrix = true;
  }
}

/** How FaceLandmarker's results travel between the worker and the page. */
export const FACE_LAYOUT: PackedLayout<FaceLandmarkerOutput, PackedFaceArrays, PackedFaceInfo> = {
  createArrays: createPackedFaceArrays,
  createInfo: createPackedFaceInfo,
  pack: packFaceResult,
  transferList: (arrays) => [arrays.landmarks.buffer as ArrayBuffer, arrays.blendshapes.buffer as ArrayBuffer, arrays.matrix.buffer as ArrayBuffer],
  copyInfo(from, to) {
    to.hasFace = from.hasFace;
    to.hasBlendshapes = from.hasBlendshapes;
    to.hasMatrix = from.hasMatrix;
    to.inferenceMs = from.inferenceMs;
  },
};
