import { type Vec3, cross, normalize, sub } from '../mesh/vec3';
import { BODY } from '../rig/BODY';

/** Half-extents of the head before shaping, metres. */
export const HEAD_RADII: Vec3 = [0.117, 0.128, 0.12];

/**
 * A point of the head surface at elevation `el` and azimuth `az` (0 = straight ahead, +Z):
 * a round cranium, cheeks that narrow to a small chin, and a tiny nose.
 */
export function headPoint(el: number, az: number): Vec3 {
  const ce = Math.cos(el);
  const se = Math.sin(el);
  const d: Vec3 = [ce * Math.sin(az), se, ce * Math.cos(az)];
  let x = d[0] * HEAD_RADII[0];
  let y = d[1] * HEAD_RADII[1];
  let z = d[2] * HEAD_RADII[2];
  const front = Math.max(0, d[2]);
  if (se < 0) {
    const s = -se;
    x *= 1 - 0.36 * s ** 1.6 * (0.5 + 0.5 * front);
    y *= 1 + 0.35 * s ** 2 * front;
    z *= d[2] > 0 ? 1 + 0.45 * s ** 1.5 * front - 0.1 * s ** 2 : 1 - 0.32 * s;
  } else {
    x *= 1 + 0.035 * se;
    z *= 1 + 0.03 * se;
  }
  if (d[2] < 0) z *= 1.04;
  // Flatten the face a little: anime faces are broad and flat in front.
  z *= 1 - 0.06 * front ** 3;
  const c = BODY.headCenter;
  const wy = c[1] + y;
  const nose = 0.0045 * Math.exp(-((x / 0.006) ** 2) - ((wy - 1.266) / 0.01) ** 2) * front;
  return [c[0] + x, wy, c[2] + z + nose];
}

/**
 * The head surface point in front of (x, y) and its outward normal, found by Newton steps on
 * elevation/azimuth of {@link headPoint}.
 */
export function headSurfaceAt(x: number, y: number): { position: Vec3; normal: Vec3 } {
  const c = BODY.headCenter;
  let el = Math.asin(Math.max(-1, Math.min(1, (y - c[1]) / HEAD_RADII[1])));
  let az = Math.asin(Math.max(-1, Math.min(1, (x - c[0]) / HEAD_RADII[0])));
  const h = 1e-5;
  for (let i = 0; i < 30; i++) {
    const p = headPoint(el, az);
    const de = sub(headPoint(el + h, az), p);
    const da = sub(headPoint(el, az + h), p);
    // Solve [de.x da.x; de.y da.y] [a; b] = h * (target - p) for the step.
    const rx = x - p[0];
    const ry = y - p[1];
    const det = de[0] * da[1] - da[0] * de[1];
    el += ((rx * da[1] - da[0] * ry) / det) * h;
    az += ((de[0] * ry - rx * de[1]) / det) * h;
  }
  const position = headPoint(el, az);
  const normal = normalize(cross(sub(headPoint(el, az + h), position), sub(headPoint(el + h, az), position)));
  return { position, normal };
}
