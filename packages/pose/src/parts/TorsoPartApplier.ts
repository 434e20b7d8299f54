import { DEG, clamp } from '@rigcast/math';
import { BodyPartName, humanoidBoneIndex, type RigFrame } from '@rigcast/protocol';
import { Euler, Quaternion } from 'three';
import { QUAT_STRIDE, REST_ROTATIONS, type RigPose } from '../pose';
import { BodyPartApplier } from './BodyPartApplier';
import type { PartApplier } from './PartApplier';
import { RigPartName } from './RigPartName';

/** Distance from the spine's root to the head, in metres: the lever that turns head offset into lean. */
export const LEAN_LEVER_M = 0.5;

/** The largest lean, in radians, that head position can cause (about 15°). */
export const MAX_LEAN_RAD = 15 * DEG;

/** Share of the lean the spine takes; the chest takes the rest. */
export const SPINE_LEAN_SHARE = 0.5;

const HIPS = humanoidBoneIndex('hips');
const SPINE = humanoidBoneIndex('spine');
const CHEST = humanoidBoneIndex('chest');
const UPPER_CHEST = humanoidBoneIndex('upperChest');
const _lean = new Quaternion();
const _euler = new Euler();

function writeRest(rotations: Float64Array, bone: number): void {
  const offset = bone * QUAT_STRIDE;
  for (let k = 0; k < QUAT_STRIDE; k++) rotations[offset + k] = REST_ROTATIONS[offset + k];
}

/**
 * The torso (hips, spine, chest, upper chest). When the body carries it, its bones come from the
 * body. Otherwise, while the face is tracked, the torso follows the head: head position leans the
 * spine and chest a little (up to {@link MAX_LEAN_RAD}), as a face-only tracker has always done.
 * With neither, the torso is not carried, and rests and idles.
 */
export class TorsoPartApplier implements PartApplier {
  readonly part = RigPartName.Torso;
  private readonly fromBody = new BodyPartApplier(BodyPartName.Torso);

  write(frame: RigFrame, pose: RigPose): boolean {
    if (this.fromBody.write(frame, pose)) return true;
    const face = frame.face;
    if (!face || !(face.confidence > 0)) return false;
    const rotations = pose.rotations;
    writeRest(rotations, HIPS);
    writeRest(rotations, UPPER_CHEST);
    const dx = face.headPosition[0];
    const dz = face.headPosition[2];
    // Head toward +X tilts the spine's top toward +X: a negative turn about +Z. Forward (+Z) is a positive turn about +X.
    const roll = -clamp(Math.atan2(dx, LEAN_LEVER_M), -MAX_LEAN_RAD, MAX_LEAN_RAD);
    const pitch = clamp(Math.atan2(dz, LEAN_LEVER_M), -MAX_LEAN_RAD, MAX_LEAN_RAD);
    _lean.setFromEuler(_euler.set(pitch * SPINE_LEAN_SHARE, 0, roll * SPINE_LEAN_SHARE)).toArray(rotations, SPINE * QUAT_STRIDE);
    _lean.setFromEuler(_euler.set(pitch * (1 - SPINE_LEAN_SHARE), 0, roll * (1 - SPINE_LEAN_SHARE))).toArray(rotations, CHEST * QUAT_STRIDE);
    return true;
  }
}
