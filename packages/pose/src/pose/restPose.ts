import { RELAXED_REST_ROTATIONS } from '@rigcast/protocol';

/** The rest pose's rotations, `[x, y, z, w]` per humanoid bone in wire order: the protocol's relaxed rest pose. */
export const REST_ROTATIONS: Readonly<Float64Array> = RELAXED_REST_ROTATIONS;

/**
 * Writes the rest pose into flat rotations: the relaxed rest pose the tracker eases lost parts to,
 * with the arms hanging down and the fingers slightly curled. A T-posing streamer looks broken.
 */
export function writeRestRotations(rotations: Float64Array): void {
  rotations.set(REST_ROTATIONS);
}
