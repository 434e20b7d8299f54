import type { Quat } from '@rigcast/protocol';

/**
 * Quaternion helpers on `[x, y, z, w]` arrays. Each writes into `out` and returns it; `out` may
 * alias an input. None of them allocates.
 */

/** Sets `out` to the identity rotation. */
export function quatIdentity(out: Quat): Quat {
  out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 1;
  return out;
}

/** Copies `q` into `out`. */
export function quatCopy(out: Quat, q: Readonly<Quat>): Quat {
  out[0] = q[0]; out[1] = q[1]; out[2] = q[2]; out[3] = q[3];
  return out;
}

/** Dot product of two quaternions. */
export function quatDot(a: Readonly<Quat>, b: Readonly<Quat>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}

/** Scales `out` to unit length (identity when it is zero). */
export function quatNormalize(out: Quat): Quat {
  const len = Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2] + out[3] * out[3]);
  if (len === 0) return quatIdentity(out);
  out[0] /= len; out[1] /= len; out[2] /= len; out[3] /= len;
  return out;
}

/** `out = a · b` (apply `b`, then `a`). */
export function quatMultiply(out: Quat, a: Readonly<Quat>, b: Readonly<Quat>): Quat {
  const ax = a[0], ay = a[1], az = a[2], aw = a[3];
  const bx = b[0], by = b[1], bz = b[2], bw = b[3];
  out[0] = aw * bx + ax * bw + ay * bz - az * by;
  out[1] = aw * by - ax * bz + ay * bw + az * bx;
  out[2] = aw * bz + ax * by - ay * bx + az * bw;
  out[3] = aw * bw - ax * bx - ay * by - az * bz;
  return out;
}

/** `out = conj(q)`, the inverse of a unit quaternion. */
export function quatConjugate(out: Quat, q: Readonly<Quat>): Quat {
  out[0] = -q[0]; out[1] = -q[1]; out[2] = -q[2]; out[3] = q[3];
  return out;
}

/**
 * The angle in radians of the rotation between two unit quaternions, in [0, π]. Computed from
 * the relative rotation's vector and scalar parts with atan2, which stays precise for tiny angles
 * (unlike `acos` of the dot product).
 */
export function quatAngleBetween(a: Readonly<Quat>, b: Readonly<Quat>): number {
  // r = conj(a) · b
  const ax = -a[0], ay = -a[1], az = -a[2], aw = a[3];
  const bx = b[0], by = b[1], bz = b[2], bw = b[3];
  const rx = aw * bx + ax * bw + ay * bz - az * by;
  const ry = aw * by - ax * bz + ay * bw + az * bx;
  const rz = aw * bz + ax * by - ay * bx + az * bw;
  const rw = aw * bw - ax * bx - ay * by - az * bz;
  return 2 * Math.atan2(Math.sqrt(rx * rx + ry * ry + rz * rz), Math.abs(rw));
}

/** Spherical interpolation from `a` (t = 0) to `b` (t = 1) along the shorter arc. */
export function quatSlerp(out: Quat, a: Readonly<Quat>, b: Readonly<Quat>, t: number): Quat {
  let bx = b[0], by = b[1], bz = b[2], bw = b[3];
  let cos = quatDot(a, b);
  if (cos < 0) {
    cos = -cos; bx = -bx; by = -by; bz = -bz; bw = -bw;
  }
  let wa: number, wb: number;
  if (cos > 0.9995) {
    wa = 1 - t;
    wb = t;
  } else {
    const angle = Math.acos(cos);
    const sin = Math.sin(angle);
    wa = Math.sin((1 - t) * angle) / sin;
    wb = Math.sin(t * angle) / sin;
  }
  out[0] = wa * a[0] + wb * bx;
  out[1] = wa * a[1] + wb * by;
  out[2] = wa * a[2] + wb * bz;
  out[3] = wa * a[3] + wb * bw;
  return quatNormalize(out);
}

/**
 * The rotation of a 3×3 matrix `m`, given as nine entries in row-major order (`m[3 * row + col]`).
 * Columns need not be exactly orthonormal; the result is normalized.
 */
export function quatFromRotationMatrix(out: Quat, m: ArrayLike<number>): Quat {
  const m00 = m[0], m01 = m[1], m02 = m[2];
  const m10 = m[3], m11 = m[4], m12 = m[5];
  const m20 = m[6], m21 = m[7], m22 = m[8];
  const trace = m00 + m11 + m22;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    out[3] = 0.25 / s;
    out[0] = (m21 - m12) * s;
    out[1] = (m02 - m20) * s;
    out[2] = (m10 - m01) * s;
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    out[3] = (m21 - m12) / s;
    out[0] = 0.25 * s;
    out[1] = (m01 + m10) / s;
    out[2] = (m02 + m20) / s;
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    out[3] = (m02 - m20) / s;
    out[0] = (m01 + m10) / s;
    out[1] = 0.25 * s;
    out[2] = (m12 + m21) / s;
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    out[3] = (m10 - m01) / s;
    out[0] = (m02 + m20) / s;
    out[1] = (m12 + m21) / s;
    out[2] = 0.25 * s;
  }
  return quatNormalize(out);
}

/** Euler angles of a head rotation, in radians, as the RigFrame conventions name them. */
export interface HeadAngles {
  /** About +Y: > 0 turns the face toward the avatar's left (+X). */
  yaw: number;
  /** About +X: > 0 tips the face down (+Z toward −Y). */
  pitch: number;
  /** About +Z: > 0 moves the top of the head toward the avatar's right (−X). */
  roll: number;
}

/**
 * Decomposes `q` as yaw (Y), then pitch (X), then roll (Z) — `q = Ry · Rx · Rz` — and writes the
 * angles into `out`. This is the order in which a head on a neck naturally reads.
 */
export function quatToHeadAngles(out: HeadAngles, q: Readonly<Quat>): HeadAngles {
  const x = q[0], y = q[1], z = q[2], w = q[3];
  // Rotation matrix entries needed for the Y-X-Z decomposition.
  const m02 = 2 * (x * z + w * y);
  const m12 = 2 * (y * z - w * x);
  const m22 = 1 - 2 * (x * x + y * y);
  const m10 = 2 * (x * y + w * z);
  const m11 = 1 - 2 * (x * x + z * z);
  out.pitch = Math.asin(Math.max(-1, Math.min(1, -m12)));
  out.yaw = Math.atan2(m02, m22);
  out.roll = Math.atan2(m10, m11);
  return out;
}

/** Writes the rotation `Ry(yaw) · Rx(pitch) · Rz(roll)` into `out` (the inverse of {@link quatToHeadAngles}). */
export function quatFromHeadAngles(out: Quat, yaw: number, pitch: number, roll: number): Quat {
  const cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2);
  const cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
  const cr = Math.cos(roll / 2), sr = Math.sin(roll / 2);
  // (cy + sy j)(cp + sp i)(cr + sr k)
  const ax = cy * sp, ay = sy * cp, az = -sy * sp, aw = cy * cp;
  out[0] = ax * cr + ay * sr;
  out[1] = ay * cr - ax * sr;
  out[2] = aw * sr + az * cr;
  out[3] = aw * cr - az * sr;
  return out;
}
