import {
  ARKIT_BLENDSHAPE_COUNT,
  ARKIT_BLENDSHAPE_NAMES,
  RIG_EXPRESSION_NAMES,
  type FaceRig,
} from '@rigcast/protocol';
import { quatSlerpFlat } from '@rigcast/math';

/**
 * A face held as one `Float64Array`, laid out as {@link FaceStateLayout}. The solver keeps its
 * own poses (live, held, blend start) in this form so that copying and blending them never boxes
 * a number, and writes a `FaceRig` once per frame with {@link writeFaceRig}.
 * @internal
 */
export type FaceState = Float64Array;

const EXPRESSION_COUNT = RIG_EXPRESSION_NAMES.length;

/** Offsets into a {@link FaceState}. @internal */
export const FaceStateLayout = {
  /** Head quaternion x, y, z, w. */
  Head: 0,
  /** Head position x, y, z (m). */
  Position: 4,
  /** ARKit blendshapes in wire order. */
  Blendshapes: 7,
  /** Rig expressions in {@link RIG_EXPRESSION_NAMES} order. */
  Expressions: 7 + ARKIT_BLENDSHAPE_COUNT,
  /** Gaze: left yaw, left pitch, right yaw, right pitch. */
  Gaze: 7 + ARKIT_BLENDSHAPE_COUNT + EXPRESSION_COUNT,
  Confidence: 7 + ARKIT_BLENDSHAPE_COUNT + EXPRESSION_COUNT + 4,
  Size: 7 + ARKIT_BLENDSHAPE_COUNT + EXPRESSION_COUNT + 5,
} as const;

const L = FaceStateLayout;

/** A neutral face state: identity head, everything else 0, with the given confidence. @internal */
export function createFaceState(confidence = 1): FaceState {
  const s = new Float64Array(L.Size);
  s[L.Head + 3] = 1;
  s[L.Confidence] = confidence;
  return s;
}

/**
 * Writes the blend of `a` (t = 0) and `b` (t = 1) into `out`: slerp for the head, linear for the
 * rest. `out` may alias `a` or `b`. @internal
 */
export function blendFaceState(out: FaceState, a: FaceState, b: FaceState, t: number): FaceState {
  if (t <= 0) {
    out.set(a);
    return out;
  }
  if (t >= 1) {
    out.set(b);
    return out;
  }
  quatSlerpFlat(out, L.Head, a, L.Head, b, L.Head, t);
  for (let i = L.Position; i < L.Size; i++) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

/** Writes a face state into a caller's `FaceRig`. @internal */
export function writeFaceRig(target: FaceRig, s: FaceState): FaceRig {
  const head = target.head;
  head[0] = s[L.Head]; head[1] = s[L.Head + 1]; head[2] = s[L.Head + 2]; head[3] = s[L.Head + 3];
  const position = target.headPosition;
  position[0] = s[L.Position]; position[1] = s[L.Position + 1]; position[2] = s[L.Position + 2];
  const shapes = target.blendshapes;
  for (let i = 0; i < ARKIT_BLENDSHAPE_COUNT; i++) shapes[ARKIT_BLENDSHAPE_NAMES[i]] = s[L.Blendshapes + i];
  const expressions = target.expressions;
  for (let i = 0; i < EXPRESSION_COUNT; i++) expressions[RIG_EXPRESSION_NAMES[i]] = s[L.Expressions + i];
  target.gaze.left.yaw = s[L.Gaze];
  target.gaze.left.pitch = s[L.Gaze + 1];
  target.gaze.right.yaw = s[L.Gaze + 2];
  target.gaze.right.pitch = s[L.Gaze + 3];
  target.confidence = s[L.Confidence];
  return target;
}
