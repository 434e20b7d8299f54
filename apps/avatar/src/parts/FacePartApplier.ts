import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, humanoidBoneIndex, type RigFrame } from '@rigcast/protocol';
import { QUAT_STRIDE, slerpFlat, type RigPose } from '../pose';
import type { PartApplier } from './PartApplier';
import { RigPartName } from './RigPartName';

/** Share of the head rotation the neck takes; the head bone takes the rest. */
export const NECK_SHARE = 0.4;

const NECK = humanoidBoneIndex('neck');
const HEAD = humanoidBoneIndex('head');
const IDENTITY = new Float64Array([0, 0, 0, 1]);
const _head = new Float64Array(4);

/**
 * The face: head rotation, ARKit and preset weights, and gaze.
 * - The head rotation is split across neck ({@link NECK_SHARE}) and head, by slerp from identity
 *   along the same axis, so the two compose back to exactly the tracked rotation. The body's
 *   neck and head, if it carries them, are not used.
 * - The gaze of the two eyes is averaged (VRMLookAt has one).
 * The frame carries the face when it has one with a confidence above 0.
 */
export class FacePartApplier implements PartApplier {
  readonly part = RigPartName.Face;

  write(frame: RigFrame, pose: RigPose): boolean {
    const face = frame.face;
    if (!face || !(face.confidence > 0)) return false;
    const head = face.head;
    _head[0] = head[0];
    _head[1] = head[1];
    _head[2] = head[2];
    _head[3] = head[3];
    const rotations = pose.rotations;
    slerpFlat(rotations, NECK * QUAT_STRIDE, IDENTITY, 0, _head, 0, NECK_SHARE);
    slerpFlat(rotations, HEAD * QUAT_STRIDE, IDENTITY, 0, _head, 0, 1 - NECK_SHARE);
    const { blendshapes, expressions } = face;
    for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) pose.blendshapes[i] = blendshapes[ARKIT_BLENDSHAPE_NAMES[i]];
    for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) pose.expressions[i] = expressions[RIG_EXPRESSION_NAMES[i]];
    pose.gazeYaw = (face.gaze.left.yaw + face.gaze.right.yaw) / 2;
    pose.gazePitch = (face.gaze.left.pitch + face.gaze.right.pitch) / 2;
    return true;
  }
}
