import type { Vec3In, Vec3Out } from './ArrayTypes';

/**
 * Vector helpers on `[x, y, z]` arrays. Each writes into `out` and returns it; `out` may alias an
 * input. None of them allocates.
 */

/** Sets `out` to `(x, y, z)`. */
export function vec3Set<T extends Vec3Out>(out: T, x: number, y: number, z: number): T {
  out[0] = x; out[1] = y; out[2] = z;
  return out;
}

/** Copies `v` into `out`. */
export function vec3Copy<T extends Vec3Out>(out: T, v: Vec3In): T {
  out[0] = v[0]; out[1] = v[1]; out[2] = v[2];
  return out;
}

/** `out = a + b`. */
export function vec3Add<T extends Vec3Out>(out: T, a: Vec3In, b: Vec3In): T {
  out[0] = a[0] + b[0]; out[1] = a[1] + b[1]; out[2] = a[2] + b[2];
  return out;
}

/** `out = a − b`. */
export function vec3Sub<T extends Vec3Out>(out: T, a: Vec3In, b: Vec3In): T {
  out[0] = a[0] - b[0]; out[1] = a[1] - b[1]; out[2] = a[2] - b[2];
  return out;
}

/** `out = v · s`. */
export function vec3Scale<T extends Vec3Out>(out: T, v: Vec3In, s: number): T {
  out[0] = v[0] * s; out[1] = v[1] * s; out[2] = v[2] * s;
  return out;
}

/** `out = a + b · s`. */
export function vec3ScaleAndAdd<T extends Vec3Out>(out: T, a: Vec3In, b: Vec3In, s: number): T {
  out[0] = a[0] + b[0] * s; out[1] = a[1] + b[1] * s; out[2] = a[2] + b[2] * s;
  return out;
}

/** `out = a + (b − a) · t`. */
export function vec3Lerp<T extends Vec3Out>(out: T, a: Vec3In, b: Vec3In, t: number): T {
  out[0] = a[0] + (b[0] - a[0]) * t;
  out[1] = a[1] + (b[1] - a[1]) * t;
  out[2] = a[2] + (b[2] - a[2]) * t;
  return out;
}

/** Dot product. */
export function vec3Dot(a: Vec3In, b: Vec3In): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** `out = a × b` (right-handed). */
export function vec3Cross<T extends Vec3Out>(out: T, a: Vec3In, b: Vec3In): T {
  const ax = a[0], ay = a[1], az = a[2];
  const bx = b[0], by = b[1], bz = b[2];
  out[0] = ay * bz - az * by;
  out[1] = az * bx - ax * bz;
  out[2] = ax * by - ay * bx;
  return out;
}

/** Length. */
export function vec3Length(v: Vec3In): number {
  return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

/** Distance between two points. */
export function vec3Distance(a: Vec3In, b: Vec3In): number {
  const dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/**
 * Scales `v` to unit length into `out` and returns the original length. A zero (or non-finite)
 * vector leaves `out` unchanged and returns 0, so callers can keep their last good direction.
 */
export function vec3Normalize(out: Vec3Out, v: Vec3In): number {
  const length = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  if (!(length > 0) || !Number.isFinite(length)) return 0;
  out[0] = v[0] / length; out[1] = v[1] / length; out[2] = v[2] / length;
  return length;
}

/** `v` minus its component along the unit vector `normal`: its projection onto the plane. */
export function vec3ProjectOnPlane<T extends Vec3Out>(out: T, v: Vec3In, normal: Vec3In): T {
  const d = v[0] * normal[0] + v[1] * normal[1] + v[2] * normal[2];
  out[0] = v[0] - normal[0] * d;
  out[1] = v[1] - normal[1] * d;
  out[2] = v[2] - normal[2] * d;
  return out;
}

/** The angle between two vectors of any length, in [0, π] radians (atan2, precise near 0 and π). */
export function vec3AngleBetween(a: Vec3In, b: Vec3In): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
}

/** The signed angle from `a` to `b` about the unit `axis`, in (−π, π], measured in the plane normal to it. */
export function vec3SignedAngle(a: Vec3In, b: Vec3In, axis: Vec3In): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  const ad = a[0] * axis[0] + a[1] * axis[1] + a[2] * axis[2];
  const bd = b[0] * axis[0] + b[1] * axis[1] + b[2] * axis[2];
  // Dot of the projections onto the plane: a·b − (a·n)(b·n).
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] - ad * bd;
  return Math.atan2(cx * axis[0] + cy * axis[1] + cz * axis[2], dot);
}
