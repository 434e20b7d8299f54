/**
 * Anything the math writes into: a `[x, y, z, w]` tuple, a `Float64Array`, a `Float32Array`.
 * Functions take their output first and return it, so calls chain without allocating.
 */
export interface MutableArrayLike {
  [index: number]: number;
  readonly length: number;
}

/** A quaternion `[x, y, z, w]` as the math writes it. */
export type QuatOut = MutableArrayLike;

/** A vector `[x, y, z]` as the math writes it. */
export type Vec3Out = MutableArrayLike;

/** A quaternion `[x, y, z, w]` as the math reads it. */
export type QuatIn = ArrayLike<number>;

/** A vector `[x, y, z]` as the math reads it. */
export type Vec3In = ArrayLike<number>;
