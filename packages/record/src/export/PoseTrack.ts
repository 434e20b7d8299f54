import { ARKIT_BLENDSHAPE_COUNT, RIG_EXPRESSION_NAMES } from '@rigcast/protocol';
import { POSE_BONE_COUNT, QUAT_STRIDE } from '@rigcast/pose';

/** Floats per frame in {@link PoseTrack.rotations}: a quaternion for each humanoid bone. */
export const ROTATIONS_PER_FRAME = POSE_BONE_COUNT * QUAT_STRIDE;
/** Floats per frame in {@link PoseTrack.blendshapes}. */
export const BLENDSHAPES_PER_FRAME = ARKIT_BLENDSHAPE_COUNT;
/** Floats per frame in {@link PoseTrack.expressions}. */
export const EXPRESSIONS_PER_FRAME = RIG_EXPRESSION_NAMES.length;
/** Floats per frame in {@link PoseTrack.gaze}: yaw, then pitch. */
export const GAZE_PER_FRAME = 2;

/**
 * A recording as the poses an avatar shows, one per frame, in flat arrays (the layout of
 * `RigPose`, frame after frame): what the VRMA and BVH exports write.
 */
export interface PoseTrack {
  /** How many poses. */
  count: number;
  /** When each pose is shown, seconds after the first; strictly increasing. */
  times: Float64Array;
  /** Per pose, the local rotation `[x, y, z, w]` of every humanoid bone in wire order. */
  rotations: Float64Array;
  /** Per pose, the 52 ARKit weights in wire order. */
  blendshapes: Float64Array;
  /** Per pose, the rig's preset weights in wire order. */
  expressions: Float64Array;
  /** Per pose, gaze yaw and pitch in radians (yaw > 0 toward the avatar's left, pitch > 0 up). */
  gaze: Float64Array;
}
