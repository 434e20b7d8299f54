/**
 * A hand at rest, as the solver's model of it: the 21 landmark positions (flat `[x, y, z] × 21`,
 * metres, in {@link HandLandmarkIndex} order) of the **left** hand in the VRM 1.0 T-pose, relative
 * to the hand bone: fingers straight along +X, palm down (−Y), thumb forward and out in the palm
 * plane (+X +Z). This is what identity rotations mean: the solver reads every rotation against it,
 * and takes bone lengths and the palm's shape from it (scaled to the hand it sees).
 */
export type HandRestShape = ArrayLike<number>;

/** Where the four fingers' MCP joints sit along the hand and below the hand bone (m). */
const KNUCKLE_X = 0.077;
const KNUCKLE_Y = -0.002;

/** Finger offsets across the palm (z, m) and their proximal, intermediate and distal lengths (m). */
const FINGERS = [
  { z: 0.027, lengths: [0.03, 0.02, 0.017] },
  { z: 0.0085, lengths: [0.033, 0.022, 0.018] },
  { z: -0.01, lengths: [0.03, 0.02, 0.017] },
  { z: -0.028, lengths: [0.024, 0.016, 0.014] },
] as const;

/** Thumb CMC, MCP, IP and tip (m). */
const THUMB = [
  [0.012, -0.008, 0.022],
  [0.034, -0.012, 0.045],
  [0.054, -0.013, 0.06],
  [0.07, -0.013, 0.071],
] as const;

/**
 * The default rest hand: an adult hand of 15 cm from wrist to middle fingertip, the proportions of
 * the default avatar's hand skeleton (`@rigcast/avatar-gen`, `createSkeleton`), so that the
 * default avatar reproduces exactly what the solver reads (tested in `tests/HandSolver.fk.test.ts`).
 */
export const DEFAULT_HAND_REST_SHAPE: Readonly<Float64Array> = (() => {
  const points = new Float64Array(63);
  THUMB.forEach((p, i) => points.set(p, (1 + i) * 3));
  FINGERS.forEach((finger, f) => {
    let x = KNUCKLE_X;
    for (let joint = 0; joint < 4; joint++) {
      points.set([x, KNUCKLE_Y, finger.z], (5 + f * 4 + joint) * 3);
      if (joint < 3) x += finger.lengths[joint];
    }
  });
  return points;
})();
