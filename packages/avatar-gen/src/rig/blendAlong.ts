import type { SkinInfluence } from '../mesh/MeshBuilder';
import { smoothstep } from '../mesh/vec3';

/**
 * Smooth skin weights along a chain of joints: `starts[i]` is where joint `joints[i]` takes over
 * (ascending), and the hand-over is blended over ±`blend` around each start.
 */
export function blendAlong(x: number, joints: readonly number[], starts: readonly number[], blend: number): SkinInfluence {
  const out: [number, number][] = [];
  for (let i = 0; i < joints.length; i++) {
    const enter = i === 0 ? 1 : smoothstep(starts[i] - blend, starts[i] + blend, x);
    const leave = i === joints.length - 1 ? 0 : smoothstep(starts[i + 1] - blend, starts[i + 1] + blend, x);
    const w = enter * (1 - leave);
    if (w > 1e-4) out.push([joints[i], w]);
  }
  return out;
}

/** Mixes two influence sets: `(1 - t) * a + t * b`. */
export function mixInfluence(a: SkinInfluence, b: SkinInfluence, t: number): SkinInfluence {
  const m = new Map<number, number>();
  for (const [j, w] of a) m.set(j, (m.get(j) ?? 0) + w * (1 - t));
  for (const [j, w] of b) m.set(j, (m.get(j) ?? 0) + w * t);
  return [...m.entries()];
}
