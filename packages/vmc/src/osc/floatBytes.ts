// OSC numbers are big-endian. A one-float scratch reads and writes them without a DataView per datagram.
const scratch = new Float32Array(1);
const scratchBytes = new Uint8Array(scratch.buffer);
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The big-endian float32 at `offset`. */
export function readFloat32BE(bytes: Uint8Array, offset: number): number {
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
  return scratch[0];
}

/** The big-endian int32 at `offset`. */
export function readInt32BE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
