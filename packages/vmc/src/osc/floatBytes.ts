// OSC numbers are big-endian. A one-float scratch converts them byte by byte, and values move
// between arrays rather than through arguments and return values: a double that crosses a call the
// compiler did not inline (a DataView method's, too) is boxed, 16 bytes a number.
const scratch = new Float32Array(1);
const scratchBytes = new Uint8Array(scratch.buffer);
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Copies the big-endian float32 at `offset` into `out[outIndex]`. */
export function copyFloat32BE(bytes: Uint8Array, offset: number, out: { [index: number]: number }, outIndex: number): void {
  if (LITTLE_ENDIAN_HOST) {
    scratchBytes[0] = bytes[offset + 3];
    scratchBytes[1] = bytes[offset + 2];
    scratchBytes[2] = bytes[offset + 1];
    scratchBytes[3] = bytes[offset];
  } else {
    scratchBytes[0] = bytes[offset];
    scratchBytes[1] = bytes[offset + 1];
    scratchBytes[2] = bytes[offset + 2];
    scratchBytes[3] = bytes[offset + 3];
  }
  out[outIndex] = scratch[0];
}

/** The big-endian int32 at `offset`. */
export function readInt32BE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}

/** Writes `source[sourceIndex]` as a big-endian float32 at `offset` (no DataView call to box the number). */
export function writeFloat32BE(source: ArrayLike<number>, sourceIndex: number, bytes: Uint8Array, offset: number): void {
  scratch[0] = source[sourceIndex];
  if (LITTLE_ENDIAN_HOST) {
    bytes[offset] = scratchBytes[3];
    bytes[offset + 1] = scratchBytes[2];
    bytes[offset + 2] = scratchBytes[1];
    bytes[offset + 3] = scratchBytes[0];
  } else {
    bytes[offset] = scratchBytes[0];
    bytes[offset + 1] = scratchBytes[1];
    bytes[offset + 2] = scratchBytes[2];
    bytes[offset + 3] = scratchBytes[3];
  }
}
