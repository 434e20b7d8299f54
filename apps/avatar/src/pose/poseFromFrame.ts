import {
  ARKIT_BLENDSHAPE_NAMES,
  HUMANOID_BONE_NAMES,
  RIG_EXPRESSION_NAMES,
  humanoidBoneIndex,
  type Quat,
  type RigFrame,
} from '@rigcast/protocol';
import { Euler, Quaternion } from 'three';
import { QUAT_STRIDE, type RigPose } from './RigPose';
import { slerpQuatFlat } from './slerpQuatFlat';

/** Share of the head rotation the neck takes; the head bone takes the rest. */
export const NECK_SHARE = 0.4;

/** Distance from the spine's root to the head, in metres: the lever that turns head offset into lean. */
export const LEAN_LEVER_M = 0.5;

/** The largest lean, in radians, that head position can cause (about 15°). */
export const MAX_LEAN_RAD = (15 * Math.PI) / 180;

/** Share of the lean the spine takes; the chest takes the rest. */
export const SPINE_LEAN_SHARE = 0.5;

const NECK = humanoidBoneIndex('neck');
const HEAD = humanoidBoneIndex('head');
const SPINE = humanoidBoneIndex('spine');
const CHEST = humanoidBoneIndex('chest');
const IDENTITY = new Float64Array([0, 0, 0, 1]);
const _head = new Float64Array(4);
const _lean = new Quaternion();
const _bone = new Quaternion();
const _euler = new Euler();

function clamp(value: number, limit: number): number {
  return value > limit ? limit : value < -limit ? -limit : value;
}

function writeQuat(source: Quat, target: Float64Array, bone: number): void {
  const offset = bone * QUAT_STRIDE;
  target[offset] = source[0];
  target[offset + 1] = source[1];
  target[offset + 2] = source[2];
  target[offset + 3] = source[3];
}

function multiplyBone(rotations: Float64Array, bone: number, by: Quaternion): void {
  const offset = bone * QUAT_STRIDE;
  _bone.fromArray(rotations, offset).multiply(by).toArray(rotations, offset);
}

/**
 * Turns a decoded frame into a complete pose, writing into `target` (which it resets first).
 * - Body bones the frame carries replace the rest pose.
 * - The face's head rotation is split across neck ({@link NECK_SHARE}) and head, by slerp from
 *   identity along the same axis, so the two compose back to exactly the tracked rotation.
 *   It replaces any neck and head the body carries.
 * - Head position leans the spine and chest a little (up to {@link MAX_LEAN_RAD}), unless the
 *   body already carries the spine.
 * - Weights and gaze are copied; the gaze of the two eyes is averaged (VRMLookAt has one).
 * Allocates nothing.
 */
export function poseFromFrame(frame: RigFrame, target: RigPose): RigPose {
  target.reset();
  const bones = frame.body?.bones;
  if (bones) {
    for (let i = 0; i < HUMANOID_BONE_NAMES.length; i++) {
      const rotation = bones[HUMANOID_BONE_NAMES[i]];
      if (rotation) writeQuat(rotation, target.rotations, i);
    }
  }
  const face = frame.face;
  if (!face) return target;

  const head = face.head;
  _head[0] = head[0];
  _head[1] = head[1];
  _head[2] = head[2];
  _head[3] = head[3];
  slerpQuatFlat(target.rotations, NECK * QUAT_STRIDE, IDENTITY, 0, _head, 0, NECK_SHARE);
  slerpQuatFlat(target.rotations, HEAD * QUAT_STRIDE, IDENTITY, 0, _head, 0, 1 - NECK_SHARE);

  if (!bones?.spine) {
    const dx = face.headPosition[0];
    const dz = face.headPosition[2];
    // Head toward +X tilts the spine's top toward +X: a negative turn about +Z. Forward (+Z) is a positive turn about +X.
    const roll = -clamp(Math.atan2(dx, LEAN_LEVER_M), MAX_LEAN_RAD);
    const pitch = clamp(Math.atan2(dz, LEAN_LEVER_M), MAX_LEAN_RAD);
    _lean.setFromEuler(_euler.set(pitch * SPINE_LEAN_SHARE, 0, roll * SPINE_LEAN_SHARE));
    multiplyBone(target.rotations, SPINE, _lean);
    _lean.setFromEuler(_euler.set(pitch * (1 - SPINE_LEAN_SHARE), 0, roll * (1 - SPINE_LEAN_SHARE)));
    multiplyBone(target.rotations, CHEST, _lean);
  }

  const blendshapes = face.blendshapes;
  for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) target.blendshapes[i] = blendshapes[ARKIT_BLENDSHAPE_NAMES[i]];
  const expressions = face.expressions;
  for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) target.expressions[i] = expressions[RIG_EXPRESSION_NAMES[i]];
  target.gazeYaw = (face.gaze.left.yaw + face.gaze.right.yaw) / 2;
  target.gazePitch = (face.gaze.left.pitch + face.gaze.right.pitch) / 2;
  return target;
}
