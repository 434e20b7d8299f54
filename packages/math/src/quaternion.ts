import type { QuatIn, QuatOut, Vec3In, Vec3Out } from './ArrayTypes';

/**
 * Quaternion helpers on `[x, y, z, w]` arrays (unit quaternions unless stated). Each writes into
 * `out` and returns it; `out` may alias an input. None of them allocates.
 *
 * Composition reads right to left: `a · b` applies `b`, then `a`. A bone's world rotation is
 * `parentWorld · local`, so `local = parentWorld⁻¹ · world` ({@link quatInverseMultiply}).
 */

/** Cosine above which slerp falls back to a normalized lerp: the arc is too short for sin(angle). */
const SLERP_LINEAR_COS = 0.9995;
/** Below this, two unit vectors count as opposite and the rotation axis is chosen, not computed. */
const OPPOSITE_EPSILON = 1e-9;

/** Sets `out` to the identity rotation. */
export function quatIdentity<T extends QuatOut>(out: T): T {
  out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 1;
  return out;
}

/** Sets `out` to `(x, y, z, w)`. */
export function quatSet<T extends QuatOut>(out: T, x: number, y: number, z: number, w: number): T {
  out[0] = x; out[1] = y; out[2] = z; out[3] = w;
  return out;
}

/** Copies `q` into `out`. */
export function quatCopy<T extends QuatOut>(out: T, q: QuatIn): T {
  out[0] = q[0]; out[1] = q[1]; out[2] = q[2]; out[3] = q[3];
  return out;
}

/** Dot product of two quaternions. */
export function quatDot(a: QuatIn, b: QuatIn): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}

/** Scales `q` to unit length into `out` (identity when `q` is zero or not finite). */
export function quatNormalize<T extends QuatOut>(out: T, q: QuatIn = out): T {
  const length = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  if (!(length > 0) || !Number.isFinite(length)) return quatIdentity(out);
  out[0] = q[0] / length; out[1] = q[1] / length; out[2] = q[2] / length; out[3] = q[3] / length;
  return out;
}

/** `out = a · b` (apply `b`, then `a`). */
export function quatMultiply<T extends QuatOut>(out: T, a: QuatIn, b: QuatIn): T {
  const ax = a[0], ay = a[1], az = a[2], aw = a[3];
  const bx = b[0], by = b[1], bz = b[2], bw = b[3];
  out[0] = aw * bx + ax * bw + ay * bz - az * by;
  out[1] = aw * by - ax * bz + ay * bw + az * bx;
  out[2] = aw * bz + ax * by - ay * bx + az * bw;
  out[3] = aw * bw - ax * bx - ay * by - az * bz;
  return out;
}

/** `out = a⁻¹ · b` for unit `a`: the rotation that takes `a` to `b`, in `a`'s frame (a child's local rotation). */
export function quatInverseMultiply<T extends QuatOut>(out: T, a: QuatIn, b: QuatIn): T {
  const ax = -a[0], ay = -a[1], az = -a[2], aw = a[3];
  const bx = b[0], by = b[1], bz = b[2], bw = b[3];
  out[0] = aw * bx + ax * bw + ay * bz - az * by;
  out[1] = aw * by - ax * bz + ay * bw + az * bx;
  out[2] = aw * bz + ax * by - ay * bx + az * bw;
  out[3] = aw * bw - ax * bx - ay * by - az * bz;
  return out;
}

/** `out = conj(q)`, the inverse of a unit quaternion. */
export function quatConjugate<T extends QuatOut>(out: T, q: QuatIn): T {
  out[0] = -q[0]; out[1] = -q[1]; out[2] = -q[2]; out[3] = q[3];
  return out;
}

/** The rotation by `angle` radians about the unit vector `axis`. */
export function quatFromAxisAngle<T extends QuatOut>(out: T, axis: Vec3In, angle: number): T {
  const s = Math.sin(angle / 2);
  out[0] = axis[0] * s; out[1] = axis[1] * s; out[2] = axis[2] * s; out[3] = Math.cos(angle / 2);
  return out;
}

/** The angle in radians of the rotation `q`, in [0, π]. */
export function quatAngle(q: QuatIn): number {
  return 2 * Math.atan2(Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]), Math.abs(q[3]));
}

/**
 * The angle in radians of the rotation between two unit quaternions, in [0, π]. Computed from
 * the relative rotation's vector and scalar parts with atan2, which stays precise for tiny angles
 * (unlike `acos` of the dot product). `q` and `−q` are the same rotation.
 */
export function quatAngleBetween(a: QuatIn, b: QuatIn): number {
  const ax = -a[0], ay = -a[1], az = -a[2], aw = a[3];
  const bx = b[0], by = b[1], bz = b[2], bw = b[3];
  const rx = aw * bx + ax * bw + ay * bz - az * by;
  const ry = aw * by - ax * bz + ay * bw + az * bx;
  const rz = aw * bz + ax * by - ay * bx + az * bw;
  const rw = aw * bw - ax * bx - ay * by - az * bz;
  return 2 * Math.atan2(Math.sqrt(rx * rx + ry * ry + rz * rz), Math.abs(rw));
}

/**
 * The rotation vector of `q` (axis × angle, the angle in [0, π]): the inverse of
 * {@link quatFromRotationVector}. `q` and `−q` give the same vector.
 */
export function quatToRotationVector<T extends Vec3Out>(out: T, q: QuatIn): T {
  const sign = q[3] < 0 ? -1 : 1;
  const x = q[0] * sign, y = q[1] * sign, z = q[2] * sign;
  const sinHalf = Math.sqrt(x * x + y * y + z * z);
  const angle = 2 * Math.atan2(sinHalf, q[3] * sign);
  const s = sinHalf < 1e-12 ? 2 : angle / sinHalf;
  out[0] = x * s; out[1] = y * s; out[2] = z * s;
  return out;
}

/**
 * Spherical interpolation of quaternions stored flat at offsets (`[x, y, z, w]` from each
 * offset), from `a` (t = 0) to `b` (t = 1) along the shorter arc, normalized. `dst` may be `a`
 * or `b`. Poses kept as one `Float64Array` of many rotations blend with this directly.
 */
export function quatSlerpFlat(
  dst: QuatOut,
  dstOffset: number,
  a: QuatIn,
  aOffset: number,
  b: QuatIn,
  bOffset: number,
  t: number,
): void {
  const ax = a[aOffset], ay = a[aOffset + 1], az = a[aOffset + 2], aw = a[aOffset + 3];
  let bx = b[bOffset], by = b[bOffset + 1], bz = b[bOffset + 2], bw = b[bOffset + 3];
  let cos = ax * bx + ay * by + az * bz + aw * bw;
  if (cos < 0) {
    cos = -cos; bx = -bx; by = -by; bz = -bz; bw = -bw;
  }
  let wa = 1 - t;
  let wb = t;
  if (cos < SLERP_LINEAR_COS) {
    const angle = Math.acos(cos);
    const sin = Math.sin(angle);
    wa = Math.sin((1 - t) * angle) / sin;
    wb = Math.sin(t * angle) / sin;
  }
  const x = wa * ax + wb * bx, y = wa * ay + wb * by, z = wa * az + wb * bz, w = wa * aw + wb * bw;
  const length = Math.sqrt(x * x + y * y + z * z + w * w) || 1;
  dst[dstOffset] = x / length;
  dst[dstOffset + 1] = y / length;
  dst[dstOffset + 2] = z / length;
  dst[dstOffset + 3] = w / length;
}

/** Spherical interpolation from `a` (t = 0) to `b` (t = 1) along the shorter arc. */
export function quatSlerp<T extends QuatOut>(out: T, a: QuatIn, b: QuatIn, t: number): T {
  quatSlerpFlat(out, 0, a, 0, b, 0, t);
  return out;
}

/** Rotates the vector `v` by `q` into `out`. */
export function quatRotateVec3<T extends Vec3Out>(out: T, q: QuatIn, v: Vec3In): T {
  const qx = q[0], qy = q[1], qz = q[2], qw = q[3];
  const vx = v[0], vy = v[1], vz = v[2];
  // t = 2 (q.xyz × v); v' = v + w t + q.xyz × t
  const tx = 2 * (qy * vz - qz * vy);
  const ty = 2 * (qz * vx - qx * vz);
  const tz = 2 * (qx * vy - qy * vx);
  out[0] = vx + qw * tx + qy * tz - qz * ty;
  out[1] = vy + qw * ty + qz * tx - qx * tz;
  out[2] = vz + qw * tz + qx * ty - qy * tx;
  return out;
}

/**
 * The shortest rotation taking the unit vector `from` to the unit vector `to` (the swing).
 * Opposite vectors turn by π about an axis perpendicular to `from`.
 */
export function quatFromUnitVectors<T extends QuatOut>(out: T, from: Vec3In, to: Vec3In): T {
  const r = from[0] * to[0] + from[1] * to[1] + from[2] * to[2] + 1;
  if (r < OPPOSITE_EPSILON) {
    // Any axis perpendicular to `from` will do; take the one off its smallest component.
    if (Math.abs(from[0]) > Math.abs(from[2])) quatSet(out, -from[1], from[0], 0, 0);
    else quatSet(out, 0, -from[2], from[1], 0);
    return quatNormalize(out);
  }
  quatSet(
    out,
    from[1] * to[2] - from[2] * to[1],
    from[2] * to[0] - from[0] * to[2],
    from[0] * to[1] - from[1] * to[0],
    r,
  );
  return quatNormalize(out);
}

/**
 * The rotation by the rotation vector `(x, y, z)`: about its direction, by its length in radians
 * (the exponential map). Precise for tiny vectors.
 */
export function quatFromRotationVector<T extends QuatOut>(out: T, x: number, y: number, z: number): T {
  const angle = Math.sqrt(x * x + y * y + z * z);
  // sin(θ/2)/θ, by its series below 1e-4 rad.
  const s = angle < 1e-4 ? 0.5 - (angle * angle) / 48 : Math.sin(angle / 2) / angle;
  out[0] = x * s; out[1] = y * s; out[2] = z * s; out[3] = Math.cos(angle / 2);
  return out;
}

/**
 * The rotation of the 3×3 matrix given by its entries, row by row. Columns need not be exactly
 * orthonormal; the result is normalized.
 */
function fromMatrixEntries<T extends QuatOut>(
  out: T,
  m00: number, m01: number, m02: number,
  m10: number, m11: number, m12: number,
  m20: number, m21: number, m22: number,
): T {
  const trace = m00 + m11 + m22;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    return quatNormalize(quatSet(out, (m21 - m12) * s, (m02 - m20) * s, (m10 - m01) * s, 0.25 / s));
  }
  if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    return quatNormalize(quatSet(out, 0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s));
  }
  if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    return quatNormalize(quatSet(out, (m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s));
  }
  const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
  return quatNormalize(quatSet(out, (m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s));
}

/** The rotation of a 3×3 matrix `m` given as nine entries in row-major order (`m[3 * row + col]`). */
export function quatFromRotationMatrix<T extends QuatOut>(out: T, m: ArrayLike<number>): T {
  return fromMatrixEntries(out, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
}

/**
 * The rotation that takes the standard axes to the orthonormal, right-handed basis
 * (`xAxis`, `yAxis`, `zAxis`): a frame's orientation from its axes.
 */
export function quatFromBasis<T extends QuatOut>(out: T, xAxis: Vec3In, yAxis: Vec3In, zAxis: Vec3In): T {
  return fromMatrixEntries(
    out,
    xAxis[0], yAxis[0], zAxis[0],
    xAxis[1], yAxis[1], zAxis[1],
    xAxis[2], yAxis[2], zAxis[2],
  );
}

/**
 * Splits `q` into a swing and a twist, `q = swing · twist`: the twist turns about the unit `axis`
 * (in the frame `q` acts on), the swing moves `axis` to where `q` takes it. This is how a bone's
 * rotation separates into where it points (swing) and how it is rolled about itself (twist).
 * When `q` turns `axis` by exactly π the twist is undefined and comes out as identity.
 */
export function quatSwingTwist(swingOut: QuatOut, twistOut: QuatOut, q: QuatIn, axis: Vec3In): void {
  const d = q[0] * axis[0] + q[1] * axis[1] + q[2] * axis[2];
  quatNormalize(twistOut, quatSet(twistOut, axis[0] * d, axis[1] * d, axis[2] * d, q[3]));
  // swing = q · conj(twist)
  const tx = -twistOut[0], ty = -twistOut[1], tz = -twistOut[2], tw = twistOut[3];
  const qx = q[0], qy = q[1], qz = q[2], qw = q[3];
  swingOut[0] = qw * tx + qx * tw + qy * tz - qz * ty;
  swingOut[1] = qw * ty - qx * tz + qy * tw + qz * tx;
  swingOut[2] = qw * tz + qx * ty - qy * tx + qz * tw;
  swingOut[3] = qw * tw - qx * tx - qy * ty - qz * tz;
}

/** The signed angle, in (−π, π], by which `q` twists about the unit `axis` (its twist part, see {@link quatSwingTwist}). */
export function quatTwistAngle(q: QuatIn, axis: Vec3In): number {
  const d = q[0] * axis[0] + q[1] * axis[1] + q[2] * axis[2];
  let angle = 2 * Math.atan2(d, q[3]);
  if (angle > Math.PI) angle -= 2 * Math.PI;
  else if (angle <= -Math.PI) angle += 2 * Math.PI;
  return angle;
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
export function quatToHeadAngles(out: HeadAngles, q: QuatIn): HeadAngles {
  const x = q[0], y = q[1], z = q[2], w = q[3];
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
export function quatFromHeadAngles<T extends QuatOut>(out: T, yaw: number, pitch: number, roll: number): T {
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
