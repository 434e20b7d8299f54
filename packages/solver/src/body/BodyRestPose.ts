import type { Vec3In } from '@rigcast/math';

/**
 * Where the joints the body solver uses sit in the avatar's T-pose: model space in metres, facing
 * +Z, the avatar's left at +X (VRM 1.0). Only the left side is given; the right is its mirror
 * image (x → −x). The solver takes the rest directions of the bones from these points (a bone's
 * rotation is the turn from its rest direction to the observed one) and the torso's chain, whose
 * bend it models when it fits the torso to the landmarks.
 *
 * `leftHeel` and `leftFootTip` are not joints: they are where MediaPipe's heel and foot-index
 * landmarks sit on the rest foot (the back of the heel and the tip of the toes).
 */
export interface BodyRestPose {
  hips: Vec3In;
  spine: Vec3In;
  chest: Vec3In;
  upperChest: Vec3In;
  leftShoulder: Vec3In;
  leftUpperArm: Vec3In;
  leftLowerArm: Vec3In;
  leftHand: Vec3In;
  leftUpperLeg: Vec3In;
  leftLowerLeg: Vec3In;
  leftFoot: Vec3In;
  leftHeel: Vec3In;
  leftFootTip: Vec3In;
}

/**
 * The rest pose of the project's default avatar (`@rigcast/avatar-gen`'s `createSkeleton()`; a
 * test keeps the two equal). Its heel and toe tip are on its shoe, at one height, so the rest foot
 * points straight along +Z.
 */
export const DEFAULT_BODY_REST_POSE: Readonly<BodyRestPose> = {
  hips: [0, 0.78, 0],
  spine: [0, 0.87, 0],
  chest: [0, 0.96, 0],
  upperChest: [0, 1.04, 0],
  leftShoulder: [0.02, 1.1, -0.005],
  leftUpperArm: [0.095, 1.115, -0.005],
  leftLowerArm: [0.335, 1.115, -0.008],
  leftHand: [0.555, 1.115, -0.005],
  leftUpperLeg: [0.072, 0.74, 0],
  leftLowerLeg: [0.072, 0.43, 0],
  leftFoot: [0.072, 0.085, -0.01],
  leftHeel: [0.072, 0.03, -0.06],
  leftFootTip: [0.072, 0.03, 0.12],
};
