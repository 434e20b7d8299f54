import { copyFloat32BE, readInt32BE } from './floatBytes';
import type { OscNameTable } from './OscNameTable';
import { oscStringSize } from './oscString';

const EMPTY = new Uint8Array(0);

/** Type tags as ASCII codes, to compare with {@link OscMessage.hasTags}. */
export type OscTypeTags = Uint8Array;

/**
 * `tags` (without the leading comma) as ASCII codes, for {@link OscMessage.hasTags}.
 * @example
 * const BONE_TAGS = oscTypeTags('sfffffff');
 */
export function oscTypeTags(tags: string): OscTypeTags {
  return Uint8Array.from(tags, (c) => c.charCodeAt(0));
}

/**
 * One message of a datagram that an {@link OscPacketReader} has validated: a view over the
 * datagram's bytes, reused for every message, with a cursor over its arguments. The reads trust
 * the layout the reader checked, so check {@link hasTags} before reading arguments.
 */
export class OscMessage {
  /** The datagram. */
  bytes: Uint8Array = EMPTY;
  /** The address's characters: `[addressStart, addressEnd)`. */
  addressStart = 0;
  addressEnd = 0;
  /** The type tags after the comma: `[tagsStart, tagsEnd)`. */
  tagsStart = 0;
  tagsEnd = 0;
  /** Where the arguments start, and where the message ends. */
  argsStart = 0;
  end = 0;
  /** The last string argument read: `[stringStart, stringEnd)`. */
  stringStart = 0;
  stringEnd = 0;
  private cursor = 0;

  /** Points the view at one message and rewinds the cursor. */
  set(bytes: Uint8Array, addressStart: number, addressEnd: number, tagsStart: number, tagsEnd: number, argsStart: number, end: number): void {
    this.bytes = bytes;
    this.addressStart = addressStart;
    this.addressEnd = addressEnd;
    this.tagsStart = tagsStart;
    this.tagsEnd = tagsEnd;
    this.argsStart = argsStart;
    this.end = end;
    this.cursor = argsStart;
  }

  /** The address's id in `table`, or -1. */
  address(table: OscNameTable): number {
    return table.lookup(this.bytes, this.addressStart, this.addressEnd);
  }

  /** How many arguments the type tags declare. */
  get tagCount(): number {
    return this.tagsEnd - this.tagsStart;
  }

  /** The type tag of argument `index` as an ASCII code (`'f'.charCodeAt(0)` …). */
  tag(index: number): number {
    return this.bytes[this.tagsStart + index];
  }

  /** True when the type tags are exactly `tags`. */
  hasTags(tags: OscTypeTags): boolean {
    if (this.tagsEnd - this.tagsStart !== tags.length) return false;
    for (let i = 0; i < tags.length; i++) if (this.bytes[this.tagsStart + i] !== tags[i]) return false;
    return true;
  }

  /** Reads a string argument and returns its id in `table`, or -1. */
  readName(table: OscNameTable): number {
    const start = this.cursor;
    let end = start;
    while (this.bytes[end] !== 0) end++;
    this.stringStart = start;
    this.stringEnd = end;
    this.cursor = start + oscStringSize(end - start);
    return table.lookup(this.bytes, start, end);
  }

  /** Reads `count` float32 arguments into `out` from `offset` (into an array, so no number is boxed). */
  readFloats(out: { [index: number]: number }, offset: number, count: number): void {
    for (let k = 0; k < count; k++, this.cursor += 4) copyFloat32BE(this.bytes, this.cursor, out, offset + k);
  }

  /** Reads an int32 argument. */
  readInt(): number {
    const value = readInt32BE(this.bytes, this.cursor);
    this.cursor += 4;
    return value;
  }
}
