import { DEG, quatAngleBetween, quatRotateVec3, vec3AngleBetween } from '@rigcast/math';
import type { HumanoidBoneName, Quat } from '@rigcast/protocol';
import { BodyRestGeometry } from '../BodyRestGeometry';
import { DEFAULT_BODY_REST_POSE } from '../BodyRestPose';
import { BodySide } from '../BodySide';
import { BENT_LIMB_BEND_RAD } from '../HingedLimb';
import { worldRotation, type BonePose } from './bodyFk';

/**
 * How a bone is scored:
 * - `full`: the angle of the rotation between the solved and the true local rotation
 *   (2·acos|⟨q̂, q⟩|);
 * - `full if bent` (upper arms): `full` when the elbow bends more than
 *   {@link BENT_LIMB_BEND_RAD} (the bend plane fixes the upper arm's twist); when straighter, only
 *   where the bone points — the angle between the solved and the true direction in the parent's
 *   frame — since a straight arm's twist is not in the landmarks;
 * - `direction` (lower arms, whose pronation is not in the landmarks without hands): where the
 *   bone points, in the upper arm's frame when the elbow bends more than {@link BENT_LIMB_BEND_RAD};
 *   when straighter, in the world, because the upper arm's twist (the frame it is measured in) is
 *   then not determined.
 */
export type ScoreKind = 'full' | 'full if bent' | 'direction';

/** What is scored, in table order. `torso` is the combined rotation hips · spine · chest · upperChest. */
export interface ScoredItem {
  name: string;
  kind: ScoreKind;
  /** Only in `full` mode. */
  fullOnly?: boolean;
  /** kalidokit solves it too (the comparison asserts rigcast is better there). */
  kalidokit: boolean;
}

export const SCORED_ITEMS: readonly ScoredItem[] = [
  { name: 'torso', kind: 'full', kalidokit: true },
  { name: 'hips', kind: 'full', fullOnly: true, kalidokit: true },
  { name: 'spine', kind: 'full', kalidokit: false },
  { name: 'chest', kind: 'full', kalidokit: false },
  { name: 'upperChest', kind: 'full', kalidokit: false },
  { name: 'leftShoulder', kind: 'full', kalidokit: false },
  { name: 'rightShoulder', kind: 'full', kalidokit: false },
  { name: 'leftUpperArm', kind: 'full if bent', kalidokit: true },
  { name: 'rightUpperArm', kind: 'full if bent', kalidokit: true },
  { name: 'leftLowerArm', kind: 'direction', kalidokit: true },
  { name: 'rightLowerArm', kind: 'direction', kalidokit: true },
  { name: 'leftUpperLeg', kind: 'full', fullOnly: true, kalidokit: true },
  { name: 'rightUpperLeg', kind: 'full', fullOnly: true, kalidokit: true },
  { name: 'leftLowerLeg', kind: 'full', fullOnly: true, kalidokit: true },
  { name: 'rightLowerLeg', kind: 'full', fullOnly: true, kalidokit: true },
  { name: 'leftFoot', kind: 'full', fullOnly: true, kalidokit: false },
  { name: 'rightFoot', kind: 'full', fullOnly: true, kalidokit: false },
];

const geometry = new BodyRestGeometry(DEFAULT_BODY_REST_POSE);
const IDENTITY: Quat = [0, 0, 0, 1];

function restAxis(bone: string): Float64Array | null {
  const side = bone.startsWith('left') ? BodySide.Left : BodySide.Right;
  if (bone.endsWith('UpperArm')) return geometry.upperArm[side];
  if (bone.endsWith('LowerArm')) return geometry.lowerArm[side];
  return null;
}

/** The angle (radians) between where `a` and `b` take the bone's rest direction. */
export function swingError(a: Quat, b: Quat, bone: string): number {
  const axis = restAxis(bone);
  if (!axis) throw new Error(`no rest axis for ${bone}`);
  return vec3AngleBetween(quatRotateVec3(new Float64Array(3), a, axis), quatRotateVec3(new Float64Array(3), b, axis));
}

/**
 * Errors (degrees) of `solved` against `truth` for every scored item of `mode`; `elbowBend` by
 * the avatar's side, radians. Items the solved pose lacks count as identity.
 */
export function scorePose(solved: BonePose, truth: BonePose, elbowBend: readonly number[], mode: 'upper' | 'full'): Map<string, number> {
  const errors = new Map<string, number>();
  for (const item of SCORED_ITEMS) {
    if (item.fullOnly && mode !== 'full') continue;
    if (mode === 'upper' && item.name === 'hips') continue;
    let error: number;
    if (item.name === 'torso') {
      error = quatAngleBetween(worldRotation(solved, 'upperChest'), worldRotation(truth, 'upperChest'));
    } else {
      const bone = item.name as HumanoidBoneName;
      const s = solved[bone] ?? IDENTITY;
      const t = truth[bone] ?? IDENTITY;
      const straight = elbowBend[bone.startsWith('left') ? 0 : 1] <= BENT_LIMB_BEND_RAD;
      if (item.kind === 'full' || (item.kind === 'full if bent' && !straight)) error = quatAngleBetween(s, t);
      else if (item.kind === 'direction' && straight) error = swingError(worldRotation(solved, bone), worldRotation(truth, bone), bone);
      else error = swingError(s, t, bone);
    }
    errors.set(item.name, error / DEG);
  }
  return errors;
}

/** Median and 95th percentile of a list. */
export function summary(values: readonly number[]): { median: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** Collects errors per item over many samples. */
export class ErrorTable {
  readonly errors = new Map<string, number[]>();

  add(errors: Map<string, number>): void {
    for (const [name, e] of errors) {
      let list = this.errors.get(name);
      if (!list) this.errors.set(name, (list = []));
      list.push(e);
    }
  }

  stats(name: string): { median: number; p95: number; n: number } | null {
    const list = this.errors.get(name);
    return list && list.length > 0 ? summary(list) : null;
  }
}
