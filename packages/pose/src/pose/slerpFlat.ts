import { Quaternion } from 'three';

/**
 * three.js's `Quaternion.slerpFlat`, typed for the `Float64Array` rotations of a pose: its
 * declared types name only `number[]`, while it reads and writes any array. Slerps `src0` to
 * `src1` by `t` along the shorter arc into `dst`, each at its offset. Allocates nothing.
 */
export const slerpFlat = Quaternion.slerpFlat as unknown as (
  dst: Float64Array,
  dstOffset: number,
  src0: Float64Array,
  srcOffset0: number,
  src1: Float64Array,
  srcOffset1: number,
  t: number,
) => void;
