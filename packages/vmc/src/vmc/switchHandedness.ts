/**
 * Unity (VMC) is left-handed, rigcast right-handed (three.js, VRM 1.0); both have Y up and the
 * avatar facing +Z. Unity's +X is the avatar's right, rigcast's +X the avatar's left: the two
 * spaces are mirror images across the YZ plane. So one formula converts both ways:
 * - positions: `(x, y, z) → (−x, y, z)`;
 * - rotations: `(qx, qy, qz, qw) → (qx, −qy, −qz, qw)`. A rotation about an axis mirrors to the
 *   rotation about the mirrored axis, by the opposite angle, because the mirror flips handedness:
 *   the axis `(ax, ay, az)` becomes `(−ax, ay, az)`, the angle `θ` becomes `−θ`.
 *
 * A head turned to the avatar's right is `(0, sin 15°, 0, cos 15°)` for 30° in Unity (a positive
 * turn about +Y takes +Z toward +X, Unity's right) and `(0, −sin 15°, 0, cos 15°)` in rigcast
 * (a negative turn about +Y takes +Z toward −X, rigcast's right).
 */

/** Writes the position `p[pOffset …]` of the other space into `out[outOffset …]` (`out` may be `p`). */
export function switchPositionHandedness(out: { [index: number]: number }, outOffset: number, p: ArrayLike<number>, pOffset: number): void {
  out[outOffset] = -p[pOffset];
  out[outOffset + 1] = p[pOffset + 1];
  out[outOffset + 2] = p[pOffset + 2];
}

/** Writes the rotation `q[qOffset …]` (`x, y, z, w`) of the other space into `out[outOffset …]` (`out` may be `q`). */
export function switchRotationHandedness(out: { [index: number]: number }, outOffset: number, q: ArrayLike<number>, qOffset: number): void {
  out[outOffset] = q[qOffset];
  out[outOffset + 1] = -q[qOffset + 1];
  out[outOffset + 2] = -q[qOffset + 2];
  out[outOffset + 3] = q[qOffset + 3];
}
