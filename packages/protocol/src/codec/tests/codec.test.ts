import { describe, expect, it } from 'vitest';
import {
  ARKIT_BLENDSHAPE_NAMES,
  FrameDecodeError,
  FrameEncodeError,
  MAX_FRAME_BYTES,
  MAX_ROTATION_ERROR_DEG,
  RIG_EXPRESSION_NAMES,
  createDecodeTarget,
  createNeutralFrame,
  decodeFrame,
  decodeFrameInto,
  encodeFrame,
  frameFromJSON,
  frameToJSON,
  tryDecodeFrame,
  validateFrame,
  type DecodeTarget,
  type Quat,
  type RigFrame,
} from '../../index';
import { isDeepStrictEqual } from 'node:util';
import { mulberry32, randomFrame } from './randomFrames';

/** The error `decode` throws for `input`, or null when it decodes. */
function thrown(decode: () => unknown): FrameDecodeError | null {
  try {
    decode();
    return null;
  } catch (error) {
    if (!(error instanceof FrameDecodeError)) throw error;
    return error;
  }
}

/** What the three readers made of one input. */
interface Verdicts {
  /** decodeFrame's verdict. */
  error: FrameDecodeError | null;
  /** How decodeFrameInto or validateFrame disagreed with decodeFrame, or '' when they agree. */
  disagreement: string;
}

/**
 * Runs all three readers on `input`: decodeFrame, decodeFrameInto (into a target reused across
 * calls) and validateFrame. They must agree on the error (reason and message) and, for valid
 * input, on the frame. Plain comparisons, so that 20,000 inputs stay quick.
 */
function verdicts(input: unknown, target = createDecodeTarget()): Verdicts {
  let decoded: RigFrame | undefined;
  const error = thrown(() => (decoded = decodeFrame(input)));
  let into: RigFrame | undefined;
  const intoError = thrown(() => (into = decodeFrameInto(input, target)));
  const validated = validateFrame(input);
  const expected = error?.message ?? null;
  let disagreement = '';
  if ((intoError?.message ?? null) !== expected) disagreement = `decodeFrameInto: ${intoError?.message ?? 'valid'}`;
  else if ((validated?.message ?? null) !== expected) disagreement = `validateFrame: ${validated?.message ?? 'valid'}`;
  else if (decoded && !isDeepStrictEqual({ ...withoutAbsentBones(into!) }, { ...decoded })) disagreement = 'decodeFrameInto decoded another frame';
  return { error, disagreement: disagreement && `${disagreement}, decodeFrame: ${expected ?? 'valid'}` };
}

/** The three readers' common verdict on `input` (the test fails when they disagree). */
function agreeingVerdict(input: unknown, target?: DecodeTarget): FrameDecodeError | null {
  const { error, disagreement } = verdicts(input, target);
  expect(disagreement).toBe('');
  return error;
}

/** A decoded-into frame as decodeFrame builds it: no `undefined` bone entries, no `undefined` face or body keys. */
function withoutAbsentBones(frame: RigFrame): RigFrame {
  const copy: RigFrame = { seq: frame.seq, time: frame.time };
  if (frame.face) copy.face = frame.face;
  if (frame.body) {
    const bones = Object.fromEntries(Object.entries(frame.body.bones).filter(([, q]) => q !== undefined));
    copy.body = { bones, confidence: frame.body.confidence };
  }
  return copy;
}

function angleBetweenDeg(p: Quat, q: Quat): number {
  const dot = Math.abs(p[0] * q[0] + p[1] * q[1] + p[2] * q[2] + p[3] * q[3]);
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
}

describe('binary codec', () => {
  it('round-trips 2,000 random frames within the documented error bounds', () => {
    const rand = mulberry32(42);
    let worstAngle = 0, worstWeight = 0, worstPosition = 0, worstGaze = 0;
    const target = createDecodeTarget();
    const intoMismatches: number[] = [];
    for (let n = 0; n < 2000; n++) {
      const frame = randomFrame(rand, n % 56);
      const bytes = encodeFrame(frame);
      const back = decodeFrame(bytes);
      // The reused target gives the same frame, whatever it held before (bone counts vary 0–55).
      if (!isDeepStrictEqual({ ...withoutAbsentBones(decodeFrameInto(bytes, target)) }, { ...back }) || validateFrame(bytes) !== null) {
        intoMismatches.push(n);
      }
      expect(back.seq).toBe(frame.seq);
      expect(back.time).toBe(frame.time);
      const f = frame.face!, b = back.face!;
      worstAngle = Math.max(worstAngle, angleBetweenDeg(f.head, b.head));
      for (const name of ARKIT_BLENDSHAPE_NAMES) worstWeight = Math.max(worstWeight, Math.abs(f.blendshapes[name] - b.blendshapes[name]));
      for (const name of RIG_EXPRESSION_NAMES) worstWeight = Math.max(worstWeight, Math.abs(f.expressions[name] - b.expressions[name]));
      for (let i = 0; i < 3; i++) worstPosition = Math.max(worstPosition, Math.abs(f.headPosition[i] - b.headPosition[i]));
      worstGaze = Math.max(worstGaze, Math.abs(f.gaze.left.yaw - b.gaze.left.yaw), Math.abs(f.gaze.right.pitch - b.gaze.right.pitch));
      expect(Object.keys(back.body?.bones ?? {}).sort()).toEqual(Object.keys(frame.body?.bones ?? {}).sort());
      for (const [name, q] of Object.entries(frame.body?.bones ?? {})) {
        const decoded = back.body?.bones[name as keyof NonNullable<RigFrame["body"]>["bones"]];
        expect(decoded).toBeDefined();
        worstAngle = Math.max(worstAngle, angleBetweenDeg(q as Quat, decoded!));
      }
    }
    expect(intoMismatches).toEqual([]);
    expect(worstAngle).toBeLessThanOrEqual(MAX_ROTATION_ERROR_DEG);
    expect(worstWeight).toBeLessThanOrEqual(1 / 255);
    expect(worstPosition).toBeLessThanOrEqual(0.001);
    expect(worstGaze).toBeLessThanOrEqual(1e-4);
  });

  it('fits a face-only frame in 128 bytes and face + 50 bones in 512', () => {
    const rand = mulberry32(7);
    const faceOnly = randomFrame(rand, 0);
    expect(encodeFrame(faceOnly).byteLength).toBeLessThanOrEqual(128);
    const full = randomFrame(rand, 50);
    expect(encodeFrame(full).byteLength).toBeLessThanOrEqual(512);
  });

  it('keeps the identity and a 30° yaw exact enough to read back', () => {
    const frame = createNeutralFrame(1, 1);
    const half = (30 * Math.PI) / 360;
    frame.face!.head = [0, Math.sin(half), 0, Math.cos(half)];
    const back = decodeFrame(encodeFrame(frame)).face!.head;
    expect(angleBetweenDeg(back, [0, 0, 0, 1])).toBeCloseTo(30, 1);
    expect(back[1]).toBeGreaterThan(0);
  });

  it('refuses frames a producer got wrong with FrameEncodeError', () => {
    const frame = createNeutralFrame(1, 1);
    frame.face!.blendshapes.jawOpen = Number.NaN;
    expect(() => encodeFrame(frame)).toThrow(FrameEncodeError);
    expect(() => encodeFrame({ seq: -1, time: 0 })).toThrow(/seq/);
    const zero = createNeutralFrame(1, 1);
    zero.face!.head = [0, 0, 0, 0];
    expect(() => encodeFrame(zero)).toThrow(/face.head/);
  });
});

describe('decoding is validation', () => {
  const good = encodeFrame(randomFrame(mulberry32(3), 20));

  const cases: [string, unknown, string][] = [
    ['a string', 'hello', 'not-binary'],
    ['an object', { __proto__: { polluted: true } }, 'not-binary'],
    ['null', null, 'not-binary'],
    ['a truncated header', good.slice(0, 5), 'truncated'],
    ['a truncated body', good.slice(0, good.byteLength - 1), 'truncated'],
    ['one extra byte', new Uint8Array([...good, 0]), 'oversized'],
    ['a huge buffer', new Uint8Array(MAX_FRAME_BYTES + 1), 'oversized'],
    ['version 2', Uint8Array.of(2, ...good.slice(1)), 'unknown-version'],
    ['unknown presence bits', Uint8Array.of(1, 0x80, ...good.slice(2)), 'bad-flags'],
  ];
  for (const [what, input, reason] of cases) {
    it(`rejects ${what} as ${reason}`, () => {
      const result = tryDecodeFrame(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toBeInstanceOf(FrameDecodeError);
        expect(result.error.reason).toBe(reason);
      }
    });
  }

  it('rejects NaN time and a quaternion longer than 1', () => {
    const nanTime = good.slice();
    new DataView(nanTime.buffer).setFloat64(6, Number.NaN, true);
    expect(() => decodeFrame(nanTime)).toThrow(/bad-value: time/);
    const longQuat = good.slice();
    longQuat.fill(0xfe, 14, 20); // three components at +0.707: squares sum to 1.5
    expect(() => decodeFrame(longQuat)).toThrow(/bad-value: face.head/);
  });

  it('throws nothing but FrameDecodeError on 20,000 random byte strings, and the three readers agree on each', () => {
    const rand = mulberry32(99);
    const target = createDecodeTarget();
    let accepted = 0;
    const reasons = new Set<string>();
    const disagreements: string[] = [];
    for (let n = 0; n < 20000; n++) {
      const bytes = n % 2 ? good.slice() : new Uint8Array(Math.floor(rand() * 600));
      for (let i = 0; i < bytes.length; i++) if (n % 2 === 0 || rand() < 0.02) bytes[i] = Math.floor(rand() * 256);
      const { error, disagreement } = verdicts(bytes, target);
      if (disagreement) disagreements.push(`#${n}: ${disagreement}`);
      if (error) reasons.add(error.reason);
      else accepted++;
    }
    expect(disagreements).toEqual([]);
    // Mutated good frames often stay valid (a weight byte is any byte); pure noise almost never does.
    expect(accepted).toBeGreaterThan(0);
    expect([...reasons].sort()).toEqual(['bad-flags', 'bad-value', 'oversized', 'truncated', 'unknown-version']);
  });

  it('the three readers agree on every case above, on an ArrayBuffer and a DataView, and on frames with no face or no body', () => {
    for (const [, input] of cases) agreeingVerdict(input);
    agreeingVerdict(good.slice().buffer);
    agreeingVerdict(new DataView(good.slice().buffer));
    const target = createDecodeTarget();
    const withBody = randomFrame(mulberry32(5), 30);
    expect(agreeingVerdict(encodeFrame(withBody), target)).toBeNull();
    const bodyOnly: RigFrame = { seq: 3, time: 4, body: withBody.body };
    expect(agreeingVerdict(encodeFrame(bodyOnly), target)).toBeNull();
    expect(target.frame.face).toBeUndefined();
    expect(agreeingVerdict(encodeFrame({ seq: 5, time: 6 }), target)).toBeNull();
    expect(target.frame.body).toBeUndefined();
    expect(target.frame.face).toBeUndefined();
  });
});

describe('JSON form', () => {
  it('round-trips exactly through JSON text', () => {
    const frame = randomFrame(mulberry32(11), 12);
    const back = frameFromJSON(JSON.stringify(frameToJSON(frame)));
    expect(back).toEqual(frame);
  });

  it('rejects unknown keys, wrong types and out-of-range values with a reason', () => {
    const json = frameToJSON(randomFrame(mulberry32(12), 3)) as any;
    expect(() => frameFromJSON({ ...json, face: { ...json.face, blendshapes: { notAShape: 1 } } })).toThrow(/unknown key/);
    expect(() => frameFromJSON({ ...json, seq: 'one' })).toThrow(/bad-shape: seq/);
    expect(() => frameFromJSON({ ...json, face: { ...json.face, confidence: 2 } })).toThrow(/bad-value: face.confidence/);
    expect(() => frameFromJSON('{"__proto__": {"seq": 1}}')).toThrow(FrameDecodeError);
    expect(() => frameFromJSON('{nope')).toThrow(/not valid JSON/);
  });
});
