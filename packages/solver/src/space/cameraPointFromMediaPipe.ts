import type { Vec3Out } from '@rigcast/math';

/** A landmark as MediaPipe reports it. */
export interface LandmarkLike {
  x: number;
  y: number;
  z: number;
}

/**
 * Writes a MediaPipe **world** landmark (PoseLandmarker's or HandLandmarker's `worldLandmarks`,
 * in metres) in the solver's camera space. MediaPipe's axes are the image's: +x toward the
 * image's right, +y down, +z away from the camera. The camera space (see {@link Mirror}) is
 * right-handed with +X toward the image's right (the subject's left), +Y up and +Z toward the
 * camera, so the point is `(x, −y, −z)`.
 */
export function cameraPointFromMediaPipe<T extends Vec3Out>(out: T, landmark: LandmarkLike): T {
  out[0] = landmark.x;
  out[1] = -landmark.y;
  out[2] = -landmark.z;
  return out;
}
