/**
 * Share of the face's head rotation that a skeleton's neck takes; the head bone takes the rest.
 * A turn shared by two joints looks natural where one joint alone looks like an owl's.
 */
export const NECK_SHARE = 0.4;

/** Below this sin(angle/2), the rotation is identity to double precision and has no axis. */
const NO_AXIS = 1e-12;

/**
 * Splits the face's head rotation (`FaceRig.head`, local to the neck's rest) across the neck and
 * head bones, as every consumer of a frame does (the avatar page, the VMC bridge): both turn about
 * the same axis, the neck by {@link NECK_SHARE} of the angle and the head by the rest, so that
 * `neck · head` is exactly `head`. Writes `[x, y, z, w]` at `neckOffset` and `headOffset` of `out`.
 * Allocates nothing.
 * @example
 * const pair = new Float64Array(8);
 * splitHeadRotation(frame.face.head, pair, 0, 4); // neck at 0, head at 4
 */
export function splitHeadRotation(head: ArrayLike<number>, out: { [index: number]: number }, neckOffset: number, headOffset: number): void {
  // q and −q are the same rotation; w ≥ 0 picks the shorter arc, as a slerp from identity does.
  const sign = head[3] < 0 ? -1 : 1;
  const x = head[0] * sign, y = head[1] * sign, z = head[2] * sign, w = head[3] * sign;
  const sinHalf = Math.sqrt(x * x + y * y + z * z);
  const norm = Math.sqrt(sinHalf * sinHalf + w * w);
  const half = Math.atan2(sinHalf, w);
  writeShare(out, neckOffset, x, y, z, sinHalf, norm, half * NECK_SHARE);
  writeShare(out, headOffset, x, y, z, sinHalf, norm, half * (1 - NECK_SHARE));
}

function writeShare(out: { [index: number]: number }, offset: number, x: number, y: number, z: number, sinHalf: number, norm: number, half: number): void {
  if (sinHalf / norm < NO_AXIS) {
    out[offset] = 0;
    out[offset + 1] = 0;
    out[offset + 2] = 0;
    out[offset + 3] = 1;
    return;
  }
  const scale = Math.sin(half) / sinHalf;
  out[offset] = x * scale;
  out[offset + 1] = y * scale;
  out[offset + 2] = z * scale;
  out[offset + 3] = Math.cos(half);
}
