import { ARKIT_BLENDSHAPE_COUNT, HUMANOID_BONE_NAMES, RIG_EXPRESSION_NAMES } from '@rigcast/protocol';
import { writeRestRotations } from './restPose';

/** Number of humanoid bones a pose holds (all 55, in wire order). */
export const POSE_BONE_COUNT = HUMANOID_BONE_NAMES.length;

/** Floats per rotation: a quaternion `[x, y, z, w]`. */
export const QUAT_STRIDE = 4;

/**
 * A complete avatar pose in flat, preallocated arrays, so that interpolation, idle motion and
 * blending run every frame without allocating. Space and bone order are the RigFrame's:
 * rotations of VRM normalized humanoid bones, local to the parent, in {@link HUMANOID_BONE_NAMES}
 * order; "left" is the avatar's left.
 */
export class RigPose {
  /** `POSE_BONE_COUNT` quaternions `[x, y, z, w]`; bone `i` starts at `i * QUAT_STRIDE`. */
  readonly rotations = new Float64Array(POSE_BONE_COUNT * QUAT_STRIDE);
  /** The 52 ARKit weights in wire order ({@link ARKIT_BLENDSHAPE_NAMES}). */
  readonly blendshapes = new Float64Array(ARKIT_BLENDSHAPE_COUNT);
  /** The rig expression weights in wire order ({@link RIG_EXPRESSION_NAMES}). */
  readonly expressions = new Float64Array(RIG_EXPRESSION_NAMES.length);
  /** Gaze in radians; yaw > 0 looks toward the avatar's left (+X), pitch > 0 looks up. */
  gazeYaw = 0;
  gazePitch = 0;

  constructor() {
    this.reset();
  }

  /** Back to the rest pose: arms relaxed, face neutral, eyes ahead. */
  reset(): this {
    writeRestRotations(this.rotations);
    this.blendshapes.fill(0);
    this.expressions.fill(0);
    this.gazeYaw = 0;
    this.gazePitch = 0;
    return this;
  }

  /** Copies every value of `source` into this pose. */
  copy(source: RigPose): this {
    this.rotations.set(source.rotations);
    this.blendshapes.set(source.blendshapes);
    this.expressions.set(source.expressions);
    this.gazeYaw = source.gazeYaw;
    this.gazePitch = source.gazePitch;
    return this;
  }
}
