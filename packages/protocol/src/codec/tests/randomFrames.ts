// Random frames for the codec's property tests and its benchmark.
import {
  ARKIT_BLENDSHAPE_NAMES,
  BODY_PART_NAMES,
  HUMANOID_BONE_NAMES,
  RIG_EXPRESSION_NAMES,
  createEmptyBody,
  createNeutralFrame,
  type Quat,
  type RigFrame,
} from '../../index';

/** A small seeded PRNG, so that failures reproduce. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly random rotation (Shoemake). */
export function randomQuat(rand: () => number): Quat {
  const u1 = rand(), u2 = rand() * 2 * Math.PI, u3 = rand() * 2 * Math.PI;
  const a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
  return [a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3)];
}

/** A frame with every face field random and `boneCount` random bones (0 for face only). */
export function randomFrame(rand: () => number, boneCount: number): RigFrame {
  const frame = createNeutralFrame(Math.floor(rand() * 0xffffffff), rand() * 2e12);
  const face = frame.face!;
  face.head = randomQuat(rand);
  face.headPosition = [rand() * 4 - 2, rand() * 4 - 2, rand() * 4 - 2];
  for (const name of ARKIT_BLENDSHAPE_NAMES) face.blendshapes[name] = rand();
  for (const name of RIG_EXPRESSION_NAMES) face.expressions[name] = rand();
  face.gaze.left = { yaw: rand() * 2 - 1, pitch: rand() * 2 - 1 };
  face.gaze.right = { yaw: rand() * 2 - 1, pitch: rand() * 2 - 1 };
  face.confidence = rand();
  if (boneCount > 0) {
    frame.body = createEmptyBody();
    const names = [...HUMANOID_BONE_NAMES].sort(() => rand() - 0.5).slice(0, boneCount);
    for (const name of names) frame.body.bones[name] = randomQuat(rand);
    for (const part of BODY_PART_NAMES) frame.body.confidence[part] = rand();
  }
  return frame;
}
