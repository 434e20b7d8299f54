import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, type FaceRig } from '@rigcast/protocol';
import { quatCopy, quatSlerp } from '../math/quaternion';

/** Copies every field of `src` into `out` (no allocation). */
export function copyFaceRig(out: FaceRig, src: Readonly<FaceRig>): FaceRig {
  return blendFaceRig(out, src, src, 0);
}

/**
 * Writes the blend of two faces into `out`: `a` at `t = 0`, `b` at `t = 1`. The head is slerped,
 * everything else is linear. `out` may be `a` or `b`.
 */
export function blendFaceRig(out: FaceRig, a: Readonly<FaceRig>, b: Readonly<FaceRig>, t: number): FaceRig {
  if (t <= 0) quatCopy(out.head, a.head);
  else if (t >= 1) quatCopy(out.head, b.head);
  else quatSlerp(out.head, a.head, b.head, t);
  for (let i = 0; i < 3; i++) out.headPosition[i] = a.headPosition[i] + (b.headPosition[i] - a.headPosition[i]) * t;
  for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) {
    const name = ARKIT_BLENDSHAPE_NAMES[i];
    out.blendshapes[name] = a.blendshapes[name] + (b.blendshapes[name] - a.blendshapes[name]) * t;
  }
  for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) {
    const name = RIG_EXPRESSION_NAMES[i];
    out.expressions[name] = a.expressions[name] + (b.expressions[name] - a.expressions[name]) * t;
  }
  out.gaze.left.yaw = a.gaze.left.yaw + (b.gaze.left.yaw - a.gaze.left.yaw) * t;
  out.gaze.left.pitch = a.gaze.left.pitch + (b.gaze.left.pitch - a.gaze.left.pitch) * t;
  out.gaze.right.yaw = a.gaze.right.yaw + (b.gaze.right.yaw - a.gaze.right.yaw) * t;
  out.gaze.right.pitch = a.gaze.right.pitch + (b.gaze.right.pitch - a.gaze.right.pitch) * t;
  out.confidence = a.confidence + (b.confidence - a.confidence) * t;
  return out;
}
