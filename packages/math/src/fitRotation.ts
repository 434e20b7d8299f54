import type { QuatOut } from './ArrayTypes';
import { quatMultiply, quatNormalize } from './quaternion';

/** Stop once an iteration turns the estimate by less than this (radians). */
const CONVERGED_RAD = 1e-9;

// Scratch, used within one call only.
const _step: [number, number, number, number] = [0, 0, 0, 1];

/**
 * The rotation `R` that best maps the centred points `from` onto the centred points `to`
 * (least squares: the largest Σ toᵢ · R fromᵢ), refined in place from the estimate already in
 * `out` (identity or the last frame's), so a warm start converges in a few iterations. Points are
 * stored flat, `[x, y, z]` each; `count` of them are read from each list.
 *
 * Each iteration turns the estimate by a Gauss–Newton step, ω = (Σ |rᵢ|² I − rᵢ rᵢᵀ)⁻¹ Σ rᵢ × toᵢ
 * with rᵢ = R fromᵢ, which converges quadratically near the answer. While the estimate is far
 * (Σ rᵢ · toᵢ ≤ 0, or a singular system: collinear points) it takes the robust step of Müller,
 * Bender, Chentanez and Macklin, "A Robust Method to Extract the Rotational Part of Deformations"
 * (MIG 2016), Σ rᵢ × toᵢ ⁄ |Σ rᵢ · toᵢ|, instead. It never reflects, and allocates nothing.
 * Returns the iterations used.
 * @example
 * quatIdentity(palm);
 * quatFitRotation(palm, restPalm, observedPalm, 6);
 */
export function quatFitRotation(out: QuatOut, from: ArrayLike<number>, to: ArrayLike<number>, count: number, maxIterations = 30): number {
  quatNormalize(out);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const qx = out[0], qy = out[1], qz = out[2], qw = out[3];
    let cx = 0, cy = 0, cz = 0, dot = 0;
    // Σ |r|² I − r rᵀ (symmetric: six entries).
    let m00 = 0, m01 = 0, m02 = 0, m11 = 0, m12 = 0, m22 = 0;
    for (let i = 0; i < count; i++) {
      const ax = from[i * 3], ay = from[i * 3 + 1], az = from[i * 3 + 2];
      // r = R a
      const tx = 2 * (qy * az - qz * ay), ty = 2 * (qz * ax - qx * az), tz = 2 * (qx * ay - qy * ax);
      const rx = ax + qw * tx + qy * tz - qz * ty;
      const ry = ay + qw * ty + qz * tx - qx * tz;
      const rz = az + qw * tz + qx * ty - qy * tx;
      const bx = to[i * 3], by = to[i * 3 + 1], bz = to[i * 3 + 2];
      cx += ry * bz - rz * by;
      cy += rz * bx - rx * bz;
      cz += rx * by - ry * bx;
      dot += rx * bx + ry * by + rz * bz;
      const rr = rx * rx + ry * ry + rz * rz;
      m00 += rr - rx * rx; m01 -= rx * ry; m02 -= rx * rz;
      m11 += rr - ry * ry; m12 -= ry * rz; m22 += rr - rz * rz;
    }
    // Inverse by cofactors.
    const c00 = m11 * m22 - m12 * m12, c01 = m02 * m12 - m01 * m22, c02 = m01 * m12 - m02 * m11;
    const det = m00 * c00 + m01 * c01 + m02 * c02;
    const trace = m00 + m11 + m22;
    let wx: number, wy: number, wz: number;
    if (dot > 0 && det > 1e-9 * trace * trace * trace) {
      const c11 = m00 * m22 - m02 * m02, c12 = m01 * m02 - m00 * m12, c22 = m00 * m11 - m01 * m01;
      wx = (c00 * cx + c01 * cy + c02 * cz) / det;
      wy = (c01 * cx + c11 * cy + c12 * cz) / det;
      wz = (c02 * cx + c12 * cy + c22 * cz) / det;
    } else {
      const scale = 1 / (Math.abs(dot) + 1e-300);
      wx = cx * scale; wy = cy * scale; wz = cz * scale;
    }
    const angle = Math.sqrt(wx * wx + wy * wy + wz * wz);
    if (!(angle > CONVERGED_RAD)) return iteration;
    const s = Math.sin(angle / 2) / angle;
    _step[0] = wx * s; _step[1] = wy * s; _step[2] = wz * s; _step[3] = Math.cos(angle / 2);
    quatNormalize(out, quatMultiply(out, _step, out));
  }
  return maxIterations;
}
