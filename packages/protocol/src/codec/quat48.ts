import type { Quat } from '../frame/RigFrame.js';

/**
 * Smallest-three quaternion packing into three u16 words. Each word holds one of the three
 * smaller components in its top 15 bits; the low bits of words 0 and 1 hold the index of the
 * dropped (largest) component, and the low bit of word 2 is reserved and must be 0.
 * The dropped component is made positive (q and −q are the same rotation) and rebuilt from
 * the unit norm.
 */
const COMPONENT_RANGE = Math.SQRT1_2;
const COMPONENT_STEPS = (1 << 15) - 1;
/** Rounding can push the three packed components' squares a hair past 1. */
const NORM_TOLERANCE = 1e-3;

function packComponent(value: number): number {
  const unit = (value / COMPONENT_RANGE + 1) / 2;
  const clamped = unit < 0 ? 0 : unit > 1 ? 1 : unit;
  return Math.round(clamped * COMPONENT_STEPS);
}

function unpackComponent(bits: number): number {
  return (bits / COMPONENT_STEPS) * 2 * COMPONENT_RANGE - COMPONENT_RANGE;
}

/** Writes `q` (any non-zero length) at `offset`. Returns false when q is not finite or is zero. */
export function writeQuat48(view: DataView, offset: number, q: Readonly<Quat>): boolean {
  const [x, y, z, w] = q;
  const norm = Math.hypot(x, y, z, w);
  if (!Number.isFinite(norm) || norm < 1e-9) return false;
  let largest = 0;
  let largestAbs = -1;
  for (let i = 0; i < 4; i++) {
    const a = Math.abs(q[i]);
    if (a > largestAbs) {
      largestAbs = a;
      largest = i;
    }
  }
  const sign = q[largest] < 0 ? -1 : 1;
  const scale = sign / norm;
  let word = 0;
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    const indexBit = word === 0 ? (largest >> 1) & 1 : word === 1 ? largest & 1 : 0;
    view.setUint16(offset + word * 2, (packComponent(q[i] * scale) << 1) | indexBit, true);
    word++;
  }
  return true;
}

/**
 * Reads a quaternion at `offset` of `bytes` into `target`. Returns false when the bits cannot be a
 * unit quaternion. Allocates nothing.
 */
export function readQuat48(bytes: Uint8Array, offset: number, target: Quat): boolean {
  const w0 = bytes[offset] | (bytes[offset + 1] << 8);
  const w1 = bytes[offset + 2] | (bytes[offset + 3] << 8);
  const w2 = bytes[offset + 4] | (bytes[offset + 5] << 8);
  if ((w2 & 1) !== 0) return false;
  const largest = ((w0 & 1) << 1) | (w1 & 1);
  const a = unpackComponent(w0 >> 1);
  const b = unpackComponent(w1 >> 1);
  const c = unpackComponent(w2 >> 1);
  const sumSquares = a * a + b * b + c * c;
  if (sumSquares > 1 + NORM_TOLERANCE) return false;
  const rebuilt = Math.sqrt(Math.max(0, 1 - sumSquares));
  let k = 0;
  for (let i = 0; i < 4; i++) {
    if (i === largest) target[i] = rebuilt;
    else target[i] = k++ === 0 ? a : k === 2 ? b : c;
  }
  // Not Math.hypot: V8's builtin allocates an array for its arguments on every call.
  const norm = Math.sqrt(target[0] * target[0] + target[1] * target[1] + target[2] * target[2] + target[3] * target[3]);
  for (let i = 0; i < 4; i++) target[i] /= norm;
  return true;
}
