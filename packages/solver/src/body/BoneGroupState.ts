import { quatSlerpFlat } from '@rigcast/math';
import { RELAXED_REST_ROTATIONS, humanoidBoneIndex, type HumanoidBoneName } from '@rigcast/protocol';

/**
 * One body part's pose as one `Float64Array`: the rotations of its bones (4 floats each, in the
 * part's bone order) followed by its confidence. The solver keeps a part's live, held and blended
 * poses in this form, so its {@link PartLifecycle} copies and blends them without boxing a number.
 * @internal
 */
export type BoneGroupState = Float64Array;

/** The offset of a group's confidence. @internal */
export const confidenceIndex = (bones: readonly HumanoidBoneName[]): number => bones.length * 4;

/** The relaxed rest pose of `bones` (see `relaxedRestRotation`), with confidence 0. @internal */
export function createRestGroupState(bones: readonly HumanoidBoneName[]): BoneGroupState {
  const state = new Float64Array(bones.length * 4 + 1);
  bones.forEach((bone, k) => {
    const i = humanoidBoneIndex(bone);
    state.set(RELAXED_REST_ROTATIONS.subarray(i * 4, i * 4 + 4), k * 4);
  });
  return state;
}

/**
 * Writes the blend of `a` (t = 0) and `b` (t = 1) into `out`: slerp per bone, linear for the
 * confidence. `out` may alias `a` or `b`. @internal
 */
export function blendGroupState(out: BoneGroupState, a: BoneGroupState, b: BoneGroupState, t: number): void {
  if (t <= 0) {
    out.set(a);
    return;
  }
  if (t >= 1) {
    out.set(b);
    return;
  }
  const last = out.length - 1;
  for (let k = 0; k < last; k += 4) quatSlerpFlat(out, k, a, k, b, k, t);
  out[last] = a[last] + (b[last] - a[last]) * t;
}
