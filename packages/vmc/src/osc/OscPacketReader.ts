import { readInt32BE } from './floatBytes';
import { MAX_DATAGRAM_BYTES, OscDropReason } from './OscDropReason';
import { OscMessage } from './OscMessage';

const SLASH = 0x2f;
const HASH = 0x23;
const COMMA = 0x2c;
const BUNDLE_TAG = Uint8Array.from('#bundle\0', (c) => c.charCodeAt(0));
/** `#bundle\0` and the 8-byte time tag. */
const BUNDLE_HEADER_BYTES = 16;
/** Bundles inside bundles: VMC senders use one level; a few more are allowed, not unbounded recursion. */
const MAX_BUNDLE_DEPTH = 8;
/** The smallest message is an address and a type tag string, 4 bytes each. */
const MIN_MESSAGE_BYTES = 8;
/** Fields kept per message while scanning. */
const SPAN_FIELDS = 6;
/** No datagram of at most {@link MAX_DATAGRAM_BYTES} holds more messages than this. */
const MAX_MESSAGES = Math.ceil(MAX_DATAGRAM_BYTES / MIN_MESSAGE_BYTES);

/** Receives each message of a valid datagram, in order; the view is reused for the next one. */
export type OscMessageHandler = (message: OscMessage) => void;

/**
 * Reads OSC 1.0 datagrams (a message, or a bundle of messages and bundles) and checks all of a
 * datagram before delivering any of it: a datagram that is oversized, truncated or malformed
 * anywhere is dropped whole, with an {@link OscDropReason}, and nothing in it takes effect. No
 * exception escapes, whatever the bytes. Argument types: `i f s S b h t d c r m T F N I [ ]`
 * are understood (so a message of other types can be skipped whole); what a message *means* is
 * the caller's business. Bundle time tags are ignored: everything applies on arrival, as VMC
 * senders intend. Allocates nothing.
 * @example
 * const reader = new OscPacketReader();
 * const dropped = reader.read(datagram, (message) => handle(message));
 * if (dropped) count(dropped);
 */
export class OscPacketReader {
  readonly message = new OscMessage();
  private readonly spans = new Int32Array(MAX_MESSAGES * SPAN_FIELDS);
  private count = 0;

  /** Validates `bytes`, then hands each message to `onMessage`. Returns why it dropped the datagram, or null. */
  read(bytes: Uint8Array, onMessage: OscMessageHandler): OscDropReason | null {
    if (bytes.length > MAX_DATAGRAM_BYTES) return OscDropReason.Oversized;
    this.count = 0;
    const problem = this.scanPacket(bytes, 0, bytes.length, 0);
    if (problem) return problem;
    const spans = this.spans;
    for (let i = 0; i < this.count; i++) {
      const s = i * SPAN_FIELDS;
      this.message.set(bytes, spans[s], spans[s + 1], spans[s + 2], spans[s + 3], spans[s + 4], spans[s + 5]);
      onMessage(this.message);
    }
    return null;
  }

  private scanPacket(bytes: Uint8Array, start: number, end: number, depth: number): OscDropReason | null {
    if (end - start < 4) return OscDropReason.Truncated;
    if (bytes[start] === SLASH) return this.scanMessage(bytes, start, end);
    if (bytes[start] !== HASH) return OscDropReason.Malformed;
    if (end - start < BUNDLE_HEADER_BYTES) return OscDropReason.Truncated;
    for (let i = 0; i < BUNDLE_TAG.length; i++) if (bytes[start + i] !== BUNDLE_TAG[i]) return OscDropReason.Malformed;
    if (depth >= MAX_BUNDLE_DEPTH) return OscDropReason.Malformed;
    let p = start + BUNDLE_HEADER_BYTES;
    while (p < end) {
      if (p + 4 > end) return OscDropReason.Truncated;
      const size = readInt32BE(bytes, p);
      if (size <= 0 || size % 4 !== 0) return OscDropReason.Malformed;
      const elementEnd = p + 4 + size;
      if (elementEnd > end) return OscDropReason.Truncated;
      const problem = this.scanPacket(bytes, p + 4, elementEnd, depth + 1);
      if (problem) return problem;
      p = elementEnd;
    }
    return null;
  }

  private scanMessage(bytes: Uint8Array, start: number, end: number): OscDropReason | null {
    const addressEnd = stringEnd(bytes, start, end);
    if (addressEnd < 0) return OscDropReason.Truncated;
    let p = paddedEnd(bytes, start, addressEnd, end);
    if (p < 0) return codeReason(p);
    // OSC 1.0 lets very old senders omit the type tag string; only an argument-less message can.
    let tagsStart = p;
    let tagsEnd = p;
    if (p < end) {
      if (bytes[p] !== COMMA) return OscDropReason.Malformed;
      tagsStart = p + 1;
      tagsEnd = stringEnd(bytes, tagsStart, end);
      if (tagsEnd < 0) return OscDropReason.Truncated;
      p = paddedEnd(bytes, p, tagsEnd, end);
      if (p < 0) return codeReason(p);
    }
    const argsStart = p;
    for (let t = tagsStart; t < tagsEnd; t++) {
      p = skipArgument(bytes, bytes[t], p, end);
      if (p < 0) return codeReason(p);
    }
    if (p !== end) return OscDropReason.Malformed;
    if (this.count >= MAX_MESSAGES) return OscDropReason.Malformed;
    const s = this.count++ * SPAN_FIELDS;
    const spans = this.spans;
    spans[s] = start;
    spans[s + 1] = addressEnd;
    spans[s + 2] = tagsStart;
    spans[s + 3] = tagsEnd;
    spans[s + 4] = argsStart;
    spans[s + 5] = end;
    return null;
  }
}

/** Negative results of the scanning helpers. */
const TRUNCATED = -1;
const MALFORMED = -2;

/** The index of the NUL ending the string at `start`, or -1 when none comes before `end`. */
function stringEnd(bytes: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (bytes[i] === 0) return i;
  return TRUNCATED;
}

/** Where the string `[start, nul)` and its padding end; checks that the padding is NULs. */
function paddedEnd(bytes: Uint8Array, start: number, nul: number, end: number): number {
  const next = start + ((nul - start + 4) & ~3);
  if (next > end) return TRUNCATED;
  for (let i = nul + 1; i < next; i++) if (bytes[i] !== 0) return MALFORMED;
  return next;
}

function codeReason(code: number): OscDropReason {
  return code === TRUNCATED ? OscDropReason.Truncated : OscDropReason.Malformed;
}

const TAG = {
  int: 0x69, float: 0x66, string: 0x73, symbol: 0x53, blob: 0x62, int64: 0x68, timeTag: 0x74, double: 0x64,
  char: 0x63, rgba: 0x72, midi: 0x6d, true: 0x54, false: 0x46, nil: 0x4e, infinitum: 0x49, arrayOpen: 0x5b, arrayClose: 0x5d,
} as const;

/** Where the argument of type `tag` at `p` ends, or a negative code. */
function skipArgument(bytes: Uint8Array, tag: number, p: number, end: number): number {
  switch (tag) {
    case TAG.int: case TAG.float: case TAG.char: case TAG.rgba: case TAG.midi:
      return p + 4 <= end ? p + 4 : TRUNCATED;
    case TAG.int64: case TAG.timeTag: case TAG.double:
      return p + 8 <= end ? p + 8 : TRUNCATED;
    case TAG.true: case TAG.false: case TAG.nil: case TAG.infinitum: case TAG.arrayOpen: case TAG.arrayClose:
      return p;
    case TAG.string: case TAG.symbol: {
      const nul = stringEnd(bytes, p, end);
      return nul < 0 ? TRUNCATED : paddedEnd(bytes, p, nul, end);
    }
    case TAG.blob: {
      if (p + 4 > end) return TRUNCATED;
      const size = readInt32BE(bytes, p);
      if (size < 0) return MALFORMED;
      const next = p + 4 + ((size + 3) & ~3);
      if (next > end) return TRUNCATED;
      for (let i = p + 4 + size; i < next; i++) if (bytes[i] !== 0) return MALFORMED;
      return next;
    }
    default:
      return MALFORMED;
  }
}
