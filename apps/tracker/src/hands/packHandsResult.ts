import { HAND_LANDMARK_COUNT } from '@rigcast/solver';
import type { PackedLayout } from '../detect/PackedLayout';

/** HandLandmarker runs for up to two hands. */
export const MAX_HANDS = 2;
/** Components per landmark in the packed buffers: x, y, z. */
export const HAND_LANDMARK_STRIDE = 3;
/** Floats per hand in a packed landmark buffer. */
export const HAND_FLOATS = HAND_LANDMARK_COUNT * HAND_LANDMARK_STRIDE;
/** MediaPipe's handedness label for the subject's right hand (the other one is `Left`). */
export const RIGHT_LABEL = 'Right';

/** The typed arrays one HandLandmarker result is packed into; they travel between worker and page. */
export interface PackedHandsArrays {
  /** x, y, z of each hand's landmarks, normalized to the image: hand `h` starts at `h × HAND_FLOATS`. */
  image: Float32Array;
  /** x, y, z of each hand's world landmarks, metres around the hand's centre. */
  world: Float32Array;
  /** Per hand: 1 when MediaPipe labels it `Right`, else 0. */
  right: Float32Array;
  /** Per hand: the label's score. */
  labelScore: Float32Array;
}

/** What is in a packed hands result besides the arrays. */
export interface PackedHandsInfo {
  /** Hands found, 0 … {@link MAX_HANDS}. */
  count: number;
  /** Time spent in `detectForVideo`, ms. */
  inferenceMs: number;
}

/** The parts of MediaPipe's `HandLandmarkerResult` that are packed. */
export interface HandLandmarkerOutput {
  landmarks: { x: number; y: number; z: number }[][];
  worldLandmarks: { x: number; y: number; z: number }[][];
  handedness: { categoryName: string; score: number }[][];
}

function packPoints(points: readonly { x: number; y: number; z: number }[], out: Float32Array, offset: number): void {
  for (let i = 0, o = offset; i < HAND_LANDMARK_COUNT; i++, o += HAND_LANDMARK_STRIDE) {
    const point = points[i];
    out[o] = point.x;
    out[o + 1] = point.y;
    out[o + 2] = point.z;
  }
}

/**
 * Copies up to {@link MAX_HANDS} hands of a MediaPipe result (each with all 21 points in both
 * lists) into `arrays`, and counts them. Allocates nothing.
 */
export function packHandsResult(result: HandLandmarkerOutput, arrays: PackedHandsArrays, info: PackedHandsInfo): void {
  let count = 0;
  const found = Math.min(result.landmarks.length, result.worldLandmarks.length);
  for (let h = 0; h < found && count < MAX_HANDS; h++) {
    const image = result.landmarks[h];
    const world = result.worldLandmarks[h];
    if (image.length < HAND_LANDMARK_COUNT || world.length < HAND_LANDMARK_COUNT) continue;
    packPoints(image, arrays.image, count * HAND_FLOATS);
    packPoints(world, arrays.world, count * HAND_FLOATS);
    const label = result.handedness[h]?.[0];
    arrays.right[count] = label?.categoryName === RIGHT_LABEL ? 1 : 0;
    arrays.labelScore[count] = label?.score ?? 0;
    count++;
  }
  info.count = count;
}

/** How HandLandmarker's results travel between the worker and the page. */
export const HANDS_LAYOUT: PackedLayout<HandLandmarkerOutput, PackedHandsArrays, PackedHandsInfo> = {
  createArrays: () => ({
    image: new Float32Array(MAX_HANDS * HAND_FLOATS),
    world: new Float32Array(MAX_HANDS * HAND_FLOATS),
    right: new Float32Array(MAX_HANDS),
    labelScore: new Float32Array(MAX_HANDS),
  }),
  createInfo: () => ({ count: 0, inferenceMs: 0 }),
  pack: packHandsResult,
  transferList: (arrays) => [arrays.image.buffer, arrays.world.buffer, arrays.right.buffer, arrays.labelScore.buffer] as ArrayBuffer[],
  copyInfo(from, to) {
    to.count = from.count;
    to.inferenceMs = from.inferenceMs;
  },
};
