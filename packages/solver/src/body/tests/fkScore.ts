import { DEG, quatAngleBetween, quatRotateVec3, vec3AngleBetween } from '@rigcast/math';
import type { HumanoidBoneName, Quat } from '@rigcast/protocol';
import { BodyRestGeometry } from '../BodyRestGeometry';
import { DEFAULT_BODY_REST_POSE } from '../BodyRestPose';
import { BodySide } from '../BodySide';
import { BENT_LIMB_BEND_RAD } from '../HingedLimb';
import { worldRotation, type BonePose } from './bodyFk';

/**
 * How a bone is scored. "Bent" means its limb's middle joint (elbow or knee) bends more than
 * {@link BENT_LIMB_BEND_RAD}: then the bend plane fixes the limb's twist; a straighter limb's
 * twist is not in the landmarks.
 * - `full`: the angle of the rotation between the solved and the true local rotation
 *   (2·acos|⟨q̂, q⟩|);
 * - `full if bent` (upper arms and legs): `full` when bent; otherwise only where the bone points
 *   (the angle between the solved and the true direction in the parent's frame);
 * - `direction` (lower arms and legs): where the bone points — in the parent's frame when bent;
 *   in the world when straight, since the parent's twist (the frame it would be measured in) is
 *   then not determined. A forearm's pronation is not in the landmarks without hands at all, and
 *   the knee has no axial rotation to speak of;
 * - `full, in the world if straight` (feet): `full` when the knee is bent, the full world rotation
 *   when it is straight (for the same reason).
 */
export type ScoreKind = 'full' | 'full if bent' | 'direction' | 'full, in the world if straight';

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
  { name: 'leftUpperLeg', kind: 'full if bent', fullOnly: true, kalidokit: true },
  { name: 'rightUpperLeg', kind: 'full if bent', fullOnly: true, kalidokit: true },
  { name: 'leftLowerLeg', kind: 'direction', fullOnly: true, kalidokit: true },
  { name: 'rightLowerLeg', kind: 'direction', fullOnly: true, kalidokit: true },
  { name: 'leftFoot', kind: 'full, in the world if straight', fullOnly: true, kalidokit: false },
  { name: 'rightFoot', kind: 'full, in the world if straight', fullOnly: true, kalidokit: false },
];

/** Elbow and knee bends (radians) of a pose, by side: what "bent" means for each item. */
export interface LimbBends {
  elbow: readonly number[];
  knee: readonly number[];
}

/** Whether the limb of `bone` counts as straight. */
export function isStraight(bone: string, bends: LimbBends): boolean {
  const side = bone.startsWith('left') ? 0 : 1;
  return (/Arm$/.test(bone) ? bends.elbow[side] : bends.knee[side]) <= BENT_LIMB_BEND_RAD;
}

const geometry = new BodyRestGeometry(DEFAULT_BODY_REST_POSE);
const IDENTITY: Quat = [0, 0, 0, 1];

/** The rest direction of a limb bone (what its swing is measured on). */
export function restAxis(bone: string): Float64Array {
  const side = bone.startsWith('left') ? BodySide.Left : BodySide.Right;
  if (bone.endsWith('UpperArm')) return geometry.upperArm[side];
  if (bone.endsWith('LowerArm')) return geometry.lowerArm[side];
  if (bone.endsWith('UpperLeg')) return geometry.upperLeg[side];
  if (bone.endsWith('LowerLeg')) return geometry.lowerLeg[side];
  throw new Error(`no rest axis for ${bone}`);
}

/** The angle (radians) between where `a` and `b` take the bone's rest direction. */
export function swingError(a: Quat, b: Quat, bone: string): number {
  const axis = restAxis(bone);
  return vec3AngleBetween(quatRotateVec3(new Float64Array(3), a, axis), quatRotateVec3(new Float64Array(3), b, axis));
}

/**
 * Errors (degrees) of `solved` against `truth` for every scored item of `mode`. Items the solved
 * pose lacks count as identity.
 */
export function scorePose(solved: BonePose, truth: BonePose, bends: LimbBends, mode: 'upper' | 'full'): Map<string, number> {
  const errors = new Map<string, number>();
  for (const item of SCORED_ITEMS) {
    if ((item.fullOnly || item.name === 'hips') && mode !== 'full') continue;
    let error: number;
    if (item.name === 'torso') {
      error = quatAngleBetween(worldRotation(solved, 'upperChest'), worldRotation(truth, 'upperChest'));
    } else {
      const bone = item.name as HumanoidBoneName;
      const s = solved[bone] ?? IDENTITY;
      const t = truth[bone] ?? IDENTITY;
      const straight = isStraight(bone, bends);
      if (item.kind === 'full' || (!straight && item.kind !== 'direction')) error = quatAngleBetween(s, t);
      else if (item.kind === 'full, in the world if straight') error = quatAngleBetween(worldRotation(solved, bone), worldRotation(truth, bone));
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

  /** The same table with each side's errors pooled with the other side's (for symmetric estimates). */
  pooledSides(): ErrorTable {
    const out = new ErrorTable();
    for (const [name, list] of this.errors) {
      const twin = name.startsWith('left') ? `right${name.slice(4)}` : name.startsWith('right') ? `left${name.slice(5)}` : name;
      out.errors.set(name, twin === name ? [...list] : [...list, ...(this.errors.get(twin) ?? [])]);
    }
    return out;
  }

  stats(name: string): { median: number; p95: number; n: number } | null {
    const list = this.errors.get(name);
    return list && list.length > 0 ? summary(list) : null;
  }
}
