import { tryDecodeFrame } from '@rigcast/protocol';
import { frameBytes } from './HubHarness.js';

/** A small seeded PRNG (mulberry32) so that a failing fuzz run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One malformed message: an event name and its arguments. */
export interface FuzzMessage {
  event: string;
  args: unknown[];
}

/** Event names other than `frame` that the fuzzer uses, besides random ones. */
const TRICKY_EVENTS = ['rtt', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'rejected', 'Frame', 'frame ', 'join', 'leave'];

const MAX_RANDOM_BYTES = 600;
const MAX_ARRAY_ITEMS = 1500;

function randomBytes(rand: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(rand() * 256);
  return bytes;
}

function randomString(rand: () => number, maxLength: number): string {
  const length = 1 + Math.floor(rand() * maxLength);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(32 + Math.floor(rand() * 0x2fd0));
  return text;
}

/** Binary that {@link tryDecodeFrame} refuses: random bytes, truncations or corruptions of a real frame. */
function invalidBinary(rand: () => number): Uint8Array {
  for (;;) {
    const kind = Math.floor(rand() * 4);
    const valid = frameBytes(Math.floor(rand() * 1e6));
    let bytes: Uint8Array;
    if (kind === 0) bytes = randomBytes(rand, Math.floor(rand() * MAX_RANDOM_BYTES));
    else if (kind === 1) bytes = valid.slice(0, Math.floor(rand() * valid.length));
    else if (kind === 2) bytes = Uint8Array.from([...valid, ...randomBytes(rand, 1 + Math.floor(rand() * 50))]);
    else {
      bytes = valid.slice();
      const hits = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < hits; i++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    }
    if (!tryDecodeFrame(bytes).ok) return bytes;
  }
}

/** A non-binary value of the wrong type for a frame. */
function wrongType(rand: () => number): unknown {
  const kind = Math.floor(rand() * 10);
  switch (kind) {
    case 0:
      return Array.from({ length: Math.floor(rand() * MAX_ARRAY_ITEMS) }, () => Math.floor(rand() * 256));
    case 1:
      return Array.from({ length: 25 }, () => Array.from({ length: 15 }, () => rand()));
    case 2:
      return JSON.parse('{"__proto__": {"polluted": true, "role": "publisher"}, "seq": 1}');
    case 3:
      return JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "__proto__": []}');
    case 4:
      return randomString(rand, 200);
    case 5:
      return rand() < 0.5 ? Math.floor(rand() * 2 ** 32) - 2 ** 31 : rand() < 0.5 ? Number.NaN : Number.POSITIVE_INFINITY;
    case 6:
      return rand() < 0.5 ? null : rand() < 0.5;
    case 7:
      return { seq: 1, time: 2, face: { head: [0, 0, 0, 1] }, bytes: Array.from(invalidBinary(rand)) };
    case 8:
      return { _placeholder: false, num: Math.floor(rand() * 5), toString: 'x', valueOf: 1 };
    default:
      return [invalidBinary(rand), invalidBinary(rand)];
  }
}

/** The `i`-th malformed message: about half sent as `frame`, the rest under other event names. */
export function fuzzMessage(rand: () => number): FuzzMessage {
  const payload = rand() < 0.5 ? invalidBinary(rand) : wrongType(rand);
  const extra = rand() < 0.1 ? [wrongType(rand)] : [];
  const pick = rand();
  const event =
    pick < 0.5 ? 'frame' : pick < 0.75 ? TRICKY_EVENTS[Math.floor(rand() * TRICKY_EVENTS.length)] : randomString(rand, 30);
  return { event, args: [payload, ...extra] };
}
