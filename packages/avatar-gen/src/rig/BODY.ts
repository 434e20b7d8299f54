import type { Vec3 } from '../mesh/vec3';

/** Key heights and offsets of the body, metres; parts are modelled around these. */
export const BODY = {
  hipsY: 0.78,
  shoulderY: 1.115,
  headY: 1.195,
  headCenter: [0, 1.33, 0.004] as Vec3,
  eyeY: 1.297,
  eyeX: 0.052,
  /** How far behind the face (along its normal) the eye bones sit: the irises turn about them. */
  eyeDepth: 0.09,
  legX: 0.072,
  kneeY: 0.43,
  ankleY: 0.085,
  elbowX: 0.335,
  wristX: 0.555,
} as const;
