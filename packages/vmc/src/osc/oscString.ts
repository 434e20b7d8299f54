const encoder = new TextEncoder();

/** The bytes an OSC string of `byteLength` UTF-8 bytes takes: a NUL, then NULs up to a multiple of 4. */
export function oscStringSize(byteLength: number): number {
  return (byteLength + 4) & ~3;
}

/**
 * `text` as an OSC string: UTF-8, a terminating NUL, and NULs up to a multiple of 4 bytes.
 * Encode names once, at start-up; writers then copy the bytes.
 * @example
 * oscString('/VMC/Ext/T'); // 12 bytes: the 10 characters and two NULs
 */
export function oscString(text: string): Uint8Array {
  const utf8 = encoder.encode(text);
  const bytes = new Uint8Array(oscStringSize(utf8.length));
  bytes.set(utf8);
  return bytes;
}
