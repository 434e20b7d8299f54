import { writeFloat32BE } from './floatBytes';
import { oscString } from './oscString';

/**
 * The largest bundle written, in bytes: VMC asks for at most 1,500, and 1,472 is what fits an
 * Ethernet frame's 1,500-byte MTU after the IPv4 and UDP headers (20 + 8), so no bundle is ever
 * split into IP fragments, one of which lost would lose the bundle.
 */
export const MAX_BUNDLE_BYTES = 1472;

const BUNDLE_HEADER = (() => {
  const header = new Uint8Array(16);
  header.set(oscString('#bundle'));
  // Time tag 1: "immediately", the only one VMC receivers honour.
  header[15] = 1;
  return header;
})();
/** The int32 size before each bundle element. */
const ELEMENT_SIZE_BYTES = 4;

/** One datagram buffer and its view. */
interface Datagram {
  bytes: Uint8Array;
  view: DataView;
}

/**
 * Writes OSC messages into as many bundles as it takes, none over `maxBundleBytes`: a message that
 * would not fit closes the bundle and opens the next, so messages keep their order across bundles.
 * Buffers are allocated on first need and reused for every later cycle; floats are written as
 * `f` whatever their value (no whole-number-to-int guessing). Strings, addresses and type tags
 * come pre-encoded ({@link oscString}), so writing a cycle builds no objects.
 * @example
 * writer.begin();
 * writer.message(ADDRESS, TAGS, name.length + 4).string(name).float(0.5);
 * const count = writer.finish(); // datagrams 0 … count − 1: writer.datagram(i), writer.datagramLength(i)
 */
export class OscBundleWriter {
  private readonly pool: Datagram[] = [];
  private readonly lengths: number[] = [];
  private current = -1;
  private offset = 0;
  private messageEnd = 0;

  constructor(readonly maxBundleBytes = MAX_BUNDLE_BYTES) {
    if (maxBundleBytes < BUNDLE_HEADER.length + ELEMENT_SIZE_BYTES + 8) throw new RangeError(`OscBundleWriter: ${maxBundleBytes} bytes cannot hold a message`);
  }

  /** Starts a new cycle; the datagrams of the previous one are overwritten. */
  begin(): this {
    this.current = -1;
    this.offset = 0;
    this.messageEnd = 0;
    return this;
  }

  /**
   * Starts a message whose arguments take `argumentBytes` (strings with their padding). Its
   * arguments must follow, in the order of `typeTags`, before the next message.
   * @param address the address as an {@link oscString}
   * @param typeTags the type tag string, comma included, as an {@link oscString} (`oscString(',sf')`)
   */
  message(address: Uint8Array, typeTags: Uint8Array, argumentBytes: number): this {
    this.checkComplete();
    const size = address.length + typeTags.length + argumentBytes;
    if (BUNDLE_HEADER.length + ELEMENT_SIZE_BYTES + size > this.maxBundleBytes) {
      throw new RangeError(`OscBundleWriter: a ${size}-byte message does not fit a ${this.maxBundleBytes}-byte bundle`);
    }
    if (this.current < 0 || this.offset + ELEMENT_SIZE_BYTES + size > this.maxBundleBytes) this.openBundle();
    const { bytes, view } = this.pool[this.current];
    view.setInt32(this.offset, size);
    bytes.set(address, this.offset + ELEMENT_SIZE_BYTES);
    bytes.set(typeTags, this.offset + ELEMENT_SIZE_BYTES + address.length);
    this.offset += ELEMENT_SIZE_BYTES + address.length + typeTags.length;
    this.messageEnd = this.offset + argumentBytes;
    return this;
  }

  /** Writes a pre-encoded string argument ({@link oscString}). */
  string(encoded: Uint8Array): this {
    this.pool[this.current].bytes.set(encoded, this.offset);
    this.offset += encoded.length;
    return this;
  }

  /** Writes a float32 argument. */
  float(value: number): this {
    this.pool[this.current].view.setFloat32(this.offset, value);
    this.offset += 4;
    return this;
  }

  /** Writes `count` float32 arguments from `source` at `offset`: the per-frame way, as no number crosses a call. */
  floats(source: ArrayLike<number>, offset: number, count: number): this {
    const bytes = this.pool[this.current].bytes;
    for (let k = 0; k < count; k++, this.offset += 4) writeFloat32BE(source, offset + k, bytes, this.offset);
    return this;
  }

  /** Writes an int32 argument. */
  int(value: number): this {
    this.pool[this.current].view.setInt32(this.offset, value);
    this.offset += 4;
    return this;
  }

  /** Ends the cycle and returns how many datagrams it took. */
  finish(): number {
    this.checkComplete();
    if (this.current >= 0) this.lengths[this.current] = this.offset;
    return this.current + 1;
  }

  /** The buffer of datagram `index` of the last cycle; its first {@link datagramLength} bytes are the bundle. */
  datagram(index: number): Uint8Array {
    return this.pool[index].bytes;
  }

  /** The length in bytes of datagram `index` of the last cycle. */
  datagramLength(index: number): number {
    return this.lengths[index];
  }

  private openBundle(): void {
    if (this.current >= 0) this.lengths[this.current] = this.offset;
    this.current++;
    if (this.current === this.pool.length) {
      const bytes = new Uint8Array(this.maxBundleBytes);
      this.pool.push({ bytes, view: new DataView(bytes.buffer) });
      this.lengths.push(0);
    }
    this.pool[this.current].bytes.set(BUNDLE_HEADER, 0);
    this.offset = BUNDLE_HEADER.length;
  }

  private checkComplete(): void {
    if (this.offset !== this.messageEnd && this.current >= 0) {
      throw new Error(`OscBundleWriter: the last message declared ${this.messageEnd - this.offset} more argument bytes than were written`);
    }
  }
}
