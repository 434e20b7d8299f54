/**
 * Spherical interpolation of two quaternions stored flat (`[x, y, z, w]` at an offset), along
 * the shorter arc. Writes into `dst`, which may be `a` or `b`. Allocates nothing.
 */
export function slerpQuatFlat(
  dst: Float64Array,
  dstOffset: number,
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  t: number,
): void {
  const ax = a[aOffset], ay = a[aOffset + 1], az = a[aOffset + 2], aw = a[aOffset + 3];
  let bx = b[bOffset], by = b[bOffset + 1], bz = b[bOffset + 2], bw = b[bOffset + 3];
  let cos = ax * bx + ay * by + az * bz + aw * bw;
  if (cos < 0) {
    cos = -cos;
    bx = -bx; by = -by; bz = -bz; bw = -bw;
  }
  let wa: number;
  let wb: number;
  if (cos > NEARLY_PARALLEL) {
    // Nearly the same rotation: linear blend, renormalized below, avoids dividing by sin ≈ 0.
    wa = 1 - t;
    wb = t;
  } else {
    const angle = Math.acos(cos);
    const sin = Math.sin(angle);
    wa = Math.sin((1 - t) * angle) / sin;
    wb = Math.sin(t * angle) / sin;
  }
  let x = ax * wa + bx * wb, y = ay * wa + by * wb, z = az * wa + bz * wb, w = aw * wa + bw * wb;
  const length = Math.sqrt(x * x + y * y + z * z + w * w);
  x /= length; y /= length; z /= length; w /= length;
  dst[dstOffset] = x;
  dst[dstOffset + 1] = y;
  dst[dstOffset + 2] = z;
  dst[dstOffset + 3] = w;
}

const NEARLY_PARALLEL = 0.9995;
