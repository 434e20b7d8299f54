import { type Vec3, smoothstep } from '../mesh/vec3';
import type { FaceParams } from './FaceParams';

/** The jaw hinge, below the ears, as (y, z). */
const HINGE = [1.292, -0.005] as const;
/** Vertical centre of the mouth. */
export const MOUTH_Y = 1.232;

const gauss = (dx: number, dy: number, sigma: number): number => Math.exp(-(dx * dx + dy * dy) / (sigma * sigma));

/** Moves a head-skin point for the face `f` (neutral params leave it where it is). */
export function deformHead(p: Vec3, f: FaceParams): Vec3 {
  let [x, y, z] = p;
  const front = smoothstep(-0.02, 0.06, z);
  const jaw = smoothstep(MOUTH_Y + 0.008, MOUTH_Y - 0.024, y) * front;
  if (jaw > 0) {
    const a = f.jawAngle * jaw;
    const dy = y - HINGE[0];
    const dz = z - HINGE[1];
    y = HINGE[0] + dy * Math.cos(a) - dz * Math.sin(a);
    z = HINGE[1] + dy * Math.sin(a) + dz * Math.cos(a);
    x += f.jawX * jaw;
    z += f.jawForward * jaw;
  }
  const lips = gauss(x, p[1] - MOUTH_Y, 0.016) * front;
  z += f.lipsForward * lips;
  for (const [i, k] of [[0, 1], [1, -1]] as const) {
    const cheek = gauss(x - k * 0.064, p[1] - 1.246, 0.026) * smoothstep(0.02, 0.07, z);
    if (cheek > 0.001) {
      const len = Math.hypot(x, z);
      x += (x / len) * 0.012 * f.cheekPuff * cheek;
      z += (z / len) * 0.006 * f.cheekPuff * cheek;
      y += f.cheekRaise[i] * 0.7 * cheek;
    }
    const sneer = gauss(x - k * 0.006, p[1] - 1.266, 0.01) * front;
    y += 0.0022 * f.sneer[i] * sneer;
  }
  return [x, y, z];
}
