import type { ARKitBlendshapeName } from '../names/ARKitBlendshapeName.js';
import type { BodyPartName } from '../names/BodyPartName.js';
import type { HumanoidBoneName } from '../names/HumanoidBoneName.js';
import type { RigExpressionName } from '../names/VRMExpressionPresetName.js';

/** A rotation as a unit quaternion `[x, y, z, w]`. */
export type Quat = [number, number, number, number];

/** A position or direction `[x, y, z]`. */
export type Vec3 = [number, number, number];

/**
 * Where one eye looks, in radians, relative to the head.
 * `yaw` > 0 turns the eye toward the avatar's left (+X); `pitch` > 0 looks up (+Y).
 */
export interface EyeGaze {
  yaw: number;
  pitch: number;
}

/**
 * The face half of a frame. "Left" and "right" are always the **avatar's**: the tracker has
 * already applied mirroring.
 */
export interface FaceRig {
  /** Head rotation, local to the neck's rest pose; identity is looking straight along +Z. */
  head: Quat;
  /** Head position relative to the calibrated neutral, in metres, in the avatar's space. */
  headPosition: Vec3;
  /** All 52 ARKit blendshape weights in [0, 1]. `tongueOut` is 0 unless a source supplies it. */
  blendshapes: Record<ARKitBlendshapeName, number>;
  /** Derived VRM preset weights in [0, 1]. */
  expressions: Record<RigExpressionName, number>;
  /** Per-eye gaze. */
  gaze: { left: EyeGaze; right: EyeGaze };
  /** How sure the tracker is of this face, in [0, 1]. */
  confidence: number;
}

/** The body half of a frame: the bones the tracker saw, and how sure it is of each part. */
export interface BodyRig {
  /** Rotations of VRM normalized humanoid bones, local to the parent; identity is the T-pose. */
  bones: Partial<Record<HumanoidBoneName, Quat>>;
  /** Confidence per body part in [0, 1]; 0 means not seen. */
  confidence: Record<BodyPartName, number>;
}

/**
 * One tracking sample: everything an avatar needs to pose itself.
 * Space: right-handed, Y up, the avatar faces +Z, the avatar's left is +X (VRM 1.0).
 */
export interface RigFrame {
  /** Sequence number, uint32, incremented by the publisher for every frame it sends. */
  seq: number;
  /** Capture time in milliseconds (epoch or a monotonic clock the publisher keeps). */
  time: number;
  face?: FaceRig;
  body?: BodyRig;
}
