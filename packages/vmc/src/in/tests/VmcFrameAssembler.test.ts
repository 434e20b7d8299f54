import { DEG, quatFromAxisAngle, quatMultiply } from '@rigcast/math';
import '@rigcast/math/testing';
import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, encodeFrame, decodeFrame, type RigFrame } from '@rigcast/protocol';
import { deriveRigExpressions } from '@rigcast/solver';
import { describe, expect, it } from 'vitest';
import { APPLY, blendVal, bonePos, bundles, type TestMessage } from '../../tests/support/buildVmc';
import { APPLY_TIMEOUT_MS, PRESET_HOLD_MS, SENDER_SILENCE_RESET_MS, VmcFrameAssembler } from '../VmcFrameAssembler';

/** Feeds messages as one or more bundles at `now`; returns copies of the frames they yield. */
function feed(assembler: VmcFrameAssembler, messages: TestMessage[], now = 1000): RigFrame[] {
  const frames: RigFrame[] = [];
  for (const datagram of bundles(messages)) assembler.receive(datagram, now, (frame) => frames.push(decodeFrame(encodeFrame(frame))));
  return frames;
}

const UNITY_RIGHT_30 = quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], 30 * DEG);
const RIGCAST_RIGHT_30 = quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], -30 * DEG);

describe('VmcFrameAssembler', () => {
  it('yields a frame on each Blend/Apply, with the head in rigcast\'s space and the weights', () => {
    const assembler = new VmcFrameAssembler();
    const frames = feed(assembler, [bonePos('Head', UNITY_RIGHT_30), blendVal('jawOpen', 0.7), blendVal('Blink_L', 1), APPLY]);
    expect(frames).toHaveLength(1);
    const face = frames[0].face!;
    expect(face.head).toBeCloseToQuaternion(RIGCAST_RIGHT_30, 0.01);
    expect(face.blendshapes.jawOpen).toBeCloseTo(0.7, 2);
    expect(face.expressions.blinkLeft).toBe(1);
    expect(frames[0].body).toBeUndefined();
    expect(frames[0].seq).toBe(1);
    expect(frames[0].time).toBe(1000);
  });

  it('composes Neck and Head into the face\'s head rotation (neck · head), and reads the eyes as gaze', () => {
    const neck = quatFromAxisAngle([0, 0, 0, 1], [1, 0, 0], 10 * DEG);
    const head = quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], 20 * DEG);
    // The left eye turned 10° about Unity's +Y: toward Unity's +X, the avatar's right.
    const eye = quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], 10 * DEG);
    const [frame] = feed(new VmcFrameAssembler(), [bonePos('Neck', neck), bonePos('Head', head), bonePos('LeftEye', eye), APPLY]);
    const expected = quatMultiply([0, 0, 0, 1], [neck[0], -neck[1], -neck[2], neck[3]], [head[0], -head[1], -head[2], head[3]]);
    expect(frame.face!.head).toBeCloseToQuaternion(expected, 0.01);
    expect(frame.face!.gaze.left.yaw).toBeCloseTo(-10 * DEG, 3);
    expect(frame.face!.gaze.right.yaw).toBe(0);
  });

  it('keeps the last value of everything a cycle leaves out', () => {
    const assembler = new VmcFrameAssembler();
    feed(assembler, [bonePos('Head', UNITY_RIGHT_30), bonePos('RightUpperArm', [0, 0, Math.SQRT1_2, Math.SQRT1_2]), blendVal('jawOpen', 0.7), APPLY]);
    const [next] = feed(assembler, [blendVal('Blink_R', 1), APPLY], 1016);
    expect(next.face!.head).toBeCloseToQuaternion(RIGCAST_RIGHT_30, 0.01);
    expect(next.face!.blendshapes.jawOpen).toBeCloseTo(0.7, 2);
    expect(next.face!.expressions.blinkRight).toBe(1);
    expect(next.body!.bones.rightUpperArm).toBeCloseToQuaternion([0, 0, -Math.SQRT1_2, Math.SQRT1_2], 0.01);
    expect(next.seq).toBe(2);
  });

  it('puts body bones in the body, with confidence 1 for their parts only, and maps Unity thumbs to VRM 1.0', () => {
    const q = quatFromAxisAngle([0, 0, 0, 1], [0, 0, 1], 20 * DEG);
    const [frame] = feed(new VmcFrameAssembler(), [bonePos('LeftThumbProximal', q), bonePos('LeftThumbIntermediate', q), bonePos('Hips', q), APPLY]);
    expect(Object.entries(frame.body!.bones).filter(([, r]) => r).map(([name]) => name).sort()).toEqual(['hips', 'leftThumbMetacarpal', 'leftThumbProximal']);
    expect(frame.body!.confidence).toMatchObject({ torso: 1, leftHand: 1, rightHand: 0, leftArm: 0, leftLeg: 0 });
    expect(frame.face).toBeUndefined();
  });

  it('derives the presets from ARKit weights when a sender sends no presets, with the solver\'s own derivation', () => {
    const sent = { jawOpen: 0.7, eyeBlinkLeft: 1, eyeBlinkRight: 0.2, browDownLeft: 0.7, browDownRight: 0.7 };
    const [frame] = feed(new VmcFrameAssembler(), [...Object.entries(sent).map(([name, value]) => blendVal(name, value)), APPLY]);
    const weights = new Float64Array(52);
    for (const [name, value] of Object.entries(sent)) weights[ARKIT_BLENDSHAPE_NAMES.indexOf(name as never)] = Math.fround(value);
    const expected = new Float64Array(13);
    deriveRigExpressions(weights, 0, expected, 0);
    RIG_EXPRESSION_NAMES.forEach((name, i) => expect(frame.face!.expressions[name]).toBeCloseTo(expected[i], 2));
    expect(frame.face!.expressions.aa).toBeGreaterThan(0.9);
    expect(frame.face!.expressions.blink).toBeCloseTo(0.2, 2);
    expect(frame.face!.expressions.blinkLeft).toBeCloseTo(0.8, 2);
    expect(frame.face!.expressions.angry).toBeGreaterThan(0.5);
  });

  it('uses a sender\'s own presets while it sends them, and derives again once it has not for PRESET_HOLD_MS', () => {
    const assembler = new VmcFrameAssembler();
    const [own] = feed(assembler, [blendVal('jawOpen', 1), blendVal('A', 0.25), APPLY], 1000);
    expect(own.face!.expressions.aa).toBeCloseTo(0.25, 2);
    const [held] = feed(assembler, [blendVal('jawOpen', 1), APPLY], 1000 + PRESET_HOLD_MS);
    expect(held.face!.expressions.aa).toBeCloseTo(0.25, 2);
    const [derived] = feed(assembler, [blendVal('jawOpen', 1), APPLY], 1001 + PRESET_HOLD_MS);
    expect(derived.face!.expressions.aa).toBeGreaterThan(0.9);
  });

  it('ignores and counts unknown addresses, wrong types, NaN, zero rotations and unknown names, and keeps the rest of the bundle', () => {
    const assembler = new VmcFrameAssembler();
    const frames = feed(assembler, [
      bonePos('Head', UNITY_RIGHT_30),
      { address: '/VMC/Ext/Cam', args: [{ s: 'Camera' }, { f: 0 }] },
      { address: '/VMC/Ext/Blend/Val', args: [{ s: 'jawOpen' }, { i: 1 }] },
      { address: '/VMC/Ext/Bone/Pos', args: [{ s: 'Head' }, { f: 0 }, { f: 0 }, { f: 0 }, { f: 0 }, { f: 0 }, { f: 0 }] },
      blendVal('jawOpen', Number.NaN),
      bonePos('Head', [Number.NaN, 0, 0, 1]),
      bonePos('Head', [0, 0, 0, 0]),
      blendVal('JAWOPEN', 1),
      bonePos('head', [0, 0, 0, 1]),
      blendVal('LookUp', 1),
      blendVal('jawOpen', 0.4),
      { address: '/VMC/Ext/Blend/Apply', args: [{ i: 1 }] },
      APPLY,
    ]);
    expect(frames).toHaveLength(1);
    expect(frames[0].face!.head).toBeCloseToQuaternion(RIGCAST_RIGHT_30, 0.01);
    expect(frames[0].face!.blendshapes.jawOpen).toBeCloseTo(0.4, 2);
    expect(assembler.stats.ignored).toEqual({ 'unknown-address': 1, 'wrong-type': 3, 'not-finite': 2, 'zero-rotation': 1, 'unknown-name': 2 });
    expect(assembler.lastUnknown).toBe('head');
  });

  it('clamps weights to [0, 1] and normalizes rotations', () => {
    const [frame] = feed(new VmcFrameAssembler(), [blendVal('jawOpen', 1.5), blendVal('A', -0.2), bonePos('Head', [0, 2 * Math.sin(DEG), 0, 2 * Math.cos(DEG)]), APPLY]);
    expect(frame.face!.blendshapes.jawOpen).toBe(1);
    expect(frame.face!.expressions.aa).toBe(0);
    expect(frame.face!.head).toBeCloseToQuaternion(quatFromAxisAngle([0, 0, 0, 1], [0, 1, 0], -2 * DEG), 0.01);
  });

  it('counts and drops bad datagrams whole: nothing in them takes effect', () => {
    const assembler = new VmcFrameAssembler();
    feed(assembler, [blendVal('jawOpen', 0.7), APPLY]);
    const [good] = bundles([blendVal('jawOpen', 0.1), APPLY]);
    const frames: RigFrame[] = [];
    assembler.receive(good.subarray(0, good.length - 3), 1010, (f) => frames.push(f));
    assembler.receive(new Uint8Array(40_000), 1011, (f) => frames.push(f));
    assembler.receive(Uint8Array.of(1, 2, 3, 4), 1012, (f) => frames.push(f));
    expect(frames).toEqual([]);
    expect(assembler.stats.dropped).toEqual({ oversized: 1, truncated: 1, malformed: 1 });
    const [next] = feed(assembler, [APPLY], 1013);
    expect(next.face!.blendshapes.jawOpen).toBeCloseTo(0.7, 2);
  });

  it('ends a cycle per datagram for a sender that has sent no Apply for APPLY_TIMEOUT_MS since its first message', () => {
    const assembler = new VmcFrameAssembler();
    expect(feed(assembler, [bonePos('Hips', [0, 0, 0, 1])], 5000)).toHaveLength(0);
    expect(feed(assembler, [bonePos('Hips', [0, 0, 0, 1])], 5000 + APPLY_TIMEOUT_MS)).toHaveLength(0);
    expect(feed(assembler, [bonePos('Hips', [0, 0, 0, 1])], 5001 + APPLY_TIMEOUT_MS)).toHaveLength(1);
    expect(feed(assembler, [bonePos('Hips', [0, 0, 0, 1]), APPLY], 6000)).toHaveLength(1);
    expect(feed(assembler, [bonePos('Hips', [0, 0, 0, 1])], 6000 + APPLY_TIMEOUT_MS)).toHaveLength(0);
    expect(feed(assembler, [bonePos('Hips', [0, 0, 0, 1])], 6001 + APPLY_TIMEOUT_MS)).toHaveLength(1);
  });

  it('forgets everything after SENDER_SILENCE_RESET_MS without a valid message', () => {
    const assembler = new VmcFrameAssembler();
    feed(assembler, [bonePos('Head', UNITY_RIGHT_30), bonePos('Hips', UNITY_RIGHT_30), blendVal('jawOpen', 0.7), APPLY], 1000);
    const [later] = feed(assembler, [blendVal('Blink', 1), APPLY], 1001 + SENDER_SILENCE_RESET_MS);
    expect(later.face!.head).toBeCloseToQuaternion([0, 0, 0, 1], 0.01);
    expect(later.face!.blendshapes.jawOpen).toBe(0);
    expect(later.body).toBeUndefined();
  });
});
