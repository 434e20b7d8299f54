const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Keeps a hash within a small integer (30 bits), so that using it as a Map key boxes nothing. */
const SMALL_INTEGER_MASK = 0x3fffffff;

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
  return hash & SMALL_INTEGER_MASK;
}

/**
 * A fixed set of names looked up straight from a datagram's bytes, so that reading an address, a
 * bone or a blendshape name builds no string. Matching is exact (case-sensitive, byte for byte).
 * @example
 * const table = new OscNameTable(['Head', 'Neck']);
 * table.lookup(bytes, start, end); // 0, 1, or -1 for any other name
 */
export class OscNameTable {
  private readonly utf8: Uint8Array[];
  private readonly byHash = new Map<number, number[]>();

  constructor(readonly names: readonly string[]) {
    this.utf8 = names.map((name) => encoder.encode(name));
    this.utf8.forEach((bytes, id) => {
      const hash = hashBytes(bytes, 0, bytes.length);
      const ids = this.byHash.get(hash);
      if (ids) ids.push(id);
      else this.byHash.set(hash, [id]);
    });
    if (new Set(names).size !== names.length) throw new Error('OscNameTable: names must be distinct');
  }

  /** The id (index in {@link names}) of the name in `bytes[start, end)`, or -1. Allocates nothing. */
  lookup(bytes: Uint8Array, start: number, end: number): number {
    const ids = this.byHash.get(hashBytes(bytes, start, end));
    if (!ids) return -1;
    for (let k = 0; k < ids.length; k++) {
      const name = this.utf8[ids[k]];
      if (name.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i++) same = name[i] === bytes[start + i];
      if (same) return ids[k];
    }
    return -1;
  }
}

/** The text of `bytes[start, end)`, for messages to the user (allocates: not for the per-message path). */
export function decodeOscText(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}
