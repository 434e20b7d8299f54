import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, humanoidBoneIndex, splitHeadRotation, type RigFrame } from '@rigcast/protocol';
import { QUAT_STRIDE, type RigPose } from '../pose';
import type { PartApplier } from './PartApplier';
import { RigPartName } from './RigPartName';

const NECK = humanoidBoneIndex('neck');
const HEAD = humanoidBoneIndex('head');

/**
 * The face: head rotation, ARKit and preset weights, and gaze.
 * - The head rotation is split across neck and head by the protocol's {@link splitHeadRotation},
 *   as the VMC bridge splits it: the same axis, composing back to exactly the tracked rotation. The body's neck and head, if it carries them, are not used.
 * - The gaze of the two eyes is averaged (VRMLookAt has one).
 * The frame carries the face when it has one with a confidence above 0.
 */
export class FacePartApplier implements PartApplier {
  readonly part = RigPartName.Face;

  write(frame: RigFrame, pose: RigPose): boolean {
    const face = frame.face;
    if (!face || !(face.confidence > 0)) return false;
    splitHeadRotation(face.head, pose.rotations, NECK * QUAT_STRIDE, HEAD * QUAT_STRIDE);
    const { blendshapes, expressions } = face;
    for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) pose.blendshapes[i] = blendshapes[ARKIT_BLENDSHAPE_NAMES[i]];
    for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) pose.expressions[i] = expressions[RIG_EXPRESSION_NAMES[i]];
    pose.gazeYaw = (face.gaze.left.yaw + face.gaze.right.yaw) / 2;
    pose.gazePitch = (face.gaze.left.pitch + face.gaze.right.pitch) / 2;
    return true;
  }
}
