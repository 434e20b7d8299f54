import type { QuatIn, QuatOut, Vec3In, Vec3Out } from './ArrayTypes';
import { vec3Cross } from './vector';

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
  // Both weights computed (not `wb = t`) and no `|| 1`: mixing the argument with computed numbers
  // would make V8 box a number on every call of this hot function.
  let wa = 1 - t;
  let wb = 1 - wa;
  if (cos < SLERP_LINEAR_COS) {
    const angle = Math.acos(cos);
    const sin = Math.sin(angle);
    wa = Math.sin((1 - t) * angle) / sin;
    wb = Math.sin(t * angle) / sin;
  }
  const x = wa * ax + wb * bx, y = wa * ay + wb * by, z = wa * az + wb * bz, w = wa * aw + wb * bw;
  const length = Math.sqrt(x * x + y * y + z * z + w * w);
  const inverse = length > 0 ? 1 / length : 1;
  dst[dstOffset] = x * inverse;
  dst[dstOffset + 1] = y * inverse;
  dst[dstOffset + 2] = z * inverse;
  dst[dstOffset + 3] = w * inverse;
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
  out[0] = from[1] * to[2] - from[2] * to[1];
  out[1] = from[2] * to[0] - from[0] * to[2];
  out[2] = from[0] * to[1] - from[1] * to[0];
  out[3] = r;
  return quatNormalize(out);
}

/**
 * The rotation by the rotation vector `v`: about its direction, by its length in radians (the
 * exponential map). Precise for tiny vectors.
 */
export function quatFromRotationVector<T extends QuatOut>(out: T, v: Vec3In): T {
  const x = v[0], y = v[1], z = v[2];
  const angle = Math.sqrt(x * x + y * y + z * z);
  // sin(θ/2)/θ, by its series below 1e-4 rad.
  const s = angle < 1e-4 ? 0.5 - (angle * angle) / 48 : Math.sin(angle / 2) / angle;
  out[0] = x * s; out[1] = y * s; out[2] = z * s; out[3] = Math.cos(angle / 2);
  return out;
}

/** The nine entries of a rotation matrix, row-major, for the conversions below (one call at a time). */
const _matrix = new Float64Array(9);

/**
 * The rotation of the 3×3 matrix `m` (nine entries, row-major). Columns need not be exactly
 * orthonormal; the result is normalized. It reads the entries from the array rather than taking
 * them as arguments: passing nine numbers to a call would make V8 box them.
 */
function fromMatrix<T extends QuatOut>(out: T, m: ArrayLike<number>): T {
  const m00 = m[0], m01 = m[1], m02 = m[2];
  const m10 = m[3], m11 = m[4], m12 = m[5];
  const m20 = m[6], m21 = m[7], m22 = m[8];
  const trace = m00 + m11 + m22;
  let x: number, y: number, z: number, w: number;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    x = (m21 - m12) * s; y = (m02 - m20) * s; z = (m10 - m01) * s; w = 0.25 / s;
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    x = 0.25 * s; y = (m01 + m10) / s; z = (m02 + m20) / s; w = (m21 - m12) / s;
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    x = (m01 + m10) / s; y = 0.25 * s; z = (m12 + m21) / s; w = (m02 - m20) / s;
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    x = (m02 + m20) / s; y = (m12 + m21) / s; z = 0.25 * s; w = (m10 - m01) / s;
  }
  out[0] = x; out[1] = y; out[2] = z; out[3] = w;
  return quatNormalize(out);
}

/** The rotation of a 3×3 matrix `m` given as nine entries in row-major order (`m[3 * row + col]`). */
export function quatFromRotationMatrix<T extends QuatOut>(out: T, m: ArrayLike<number>): T {
  return fromMatrix(out, m);
}

/**
 * The rotation that takes the standard axes to the orthonormal, right-handed basis
 * (`xAxis`, `yAxis`, `zAxis`): a frame's orientation from its axes.
 */
export function quatFromBasis<T extends QuatOut>(out: T, xAxis: Vec3In, yAxis: Vec3In, zAxis: Vec3In): T {
  const m = _matrix;
  m[0] = xAxis[0]; m[1] = yAxis[0]; m[2] = zAxis[0];
  m[3] = xAxis[1]; m[4] = yAxis[1]; m[5] = zAxis[1];
  m[6] = xAxis[2]; m[7] = yAxis[2]; m[8] = zAxis[2];
  return fromMatrix(out, m);
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

// Scratch for quatFromVectorPairs (used within one call only).
// Typed arrays: a JS array starts with small integers and changes kind on its first fraction,
// and V8 then boxes numbers at every call site that saw both kinds.
const _pairNa = new Float64Array(3);
const _pairNb = new Float64Array(3);
const _pairCa = new Float64Array(3);
const _pairCb = new Float64Array(3);
const _pairQa = Float64Array.of(0, 0, 0, 1);
const _pairQb = Float64Array.of(0, 0, 0, 1);
const _pairA2 = new Float64Array(3);
const _pairTurn = Float64Array.of(0, 0, 0, 1);

/**
 * The rotation that best takes the unit vector `a1` to `b1` and `a2` to `b2`, weighing the two
 * pairs by `w1` and `w2` (the least-squares answer to Wahba's problem for two vectors: it takes
 * the normal of the `a` plane to the normal of the `b` plane exactly, then turns about it by the
 * weighted best angle). When the angles between the pairs agree, both are met exactly; when they
 * do not, the heavier pair is met more closely. If either pair is parallel, it is the rotation
 * from `a1` to `b1`.
 * @example
 * // a frame from a direction and a reference that need not be exactly perpendicular to it
 * quatFromVectorPairs(q, REST_FORWARD, observedForward, REST_UP, observedUp, 1, 1);
 */
export function quatFromVectorPairs<T extends QuatOut>(
  out: T,
  a1: Vec3In,
  b1: Vec3In,
  a2: Vec3In,
  b2: Vec3In,
  w1 = 1,
  w2 = 1,
): T {
  const na = _pairNa, nb = _pairNb, ca = _pairCa, cb = _pairCb;
  vec3Cross(na, a1, a2);
  vec3Cross(nb, b1, b2);
  const la = Math.sqrt(na[0] * na[0] + na[1] * na[1] + na[2] * na[2]);
  const lb = Math.sqrt(nb[0] * nb[0] + nb[1] * nb[1] + nb[2] * nb[2]);
  if (!(la > PARALLEL_EPSILON) || !(lb > PARALLEL_EPSILON)) return quatFromUnitVectors(out, a1, b1);
  for (let i = 0; i < 3; i++) {
    na[i] /= la;
    nb[i] /= lb;
  }
  // The rotation taking (a1, na) to (b1, nb) exactly…
  vec3Cross(ca, a1, na);
  vec3Cross(cb, b1, nb);
  quatFromBasis(_pairQa, a1, na, ca);
  quatFromBasis(_pairQb, b1, nb, cb);
  quatMultiply(out, _pairQb, quatConjugate(_pairQa, _pairQa));
  // …then the turn about nb that best balances both pairs (a1 already lands on b1).
  const a2r = quatRotateVec3(_pairA2, out, a2);
  vec3Cross(ca, a2r, b2);
  const sin = w2 * (ca[0] * nb[0] + ca[1] * nb[1] + ca[2] * nb[2]);
  const cos = w1 + w2 * (a2r[0] * b2[0] + a2r[1] * b2[1] + a2r[2] * b2[2]);
  // The turn by atan2(sin, cos) about nb, built here rather than by quatFromAxisAngle so that no
  // number crosses a call (V8 would box it).
  const half = Math.atan2(sin, cos) / 2;
  const s = Math.sin(half);
  const turn = _pairTurn;
  turn[0] = nb[0] * s; turn[1] = nb[1] * s; turn[2] = nb[2] * s; turn[3] = Math.cos(half);
  return quatMultiply(out, turn, out);
}

/** Below this, the cross product of two unit vectors counts as zero: they are parallel. */
const PARALLEL_EPSILON = 1e-9;
