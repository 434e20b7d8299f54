// `in` against an independent performer: python3-liblo plays VMC to the bridge, and a real
// Socket.IO viewer on a real hub checks what arrives.
import { createSocket } from 'node:dgram';
import { DEG, quatAngleBetween, quatRotateVec3 } from '@rigcast/math';
import { ARKIT_BLENDSHAPE_NAMES, MAX_ROTATION_ERROR_DEG, RIG_EXPRESSION_NAMES, WEIGHT_STEPS } from '@rigcast/protocol';
import { deriveRigExpressions } from '@rigcast/solver';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APPLY, blendVal, bonePos, bundles } from './support/buildVmc';
import { BridgeHarness } from './support/BridgeHarness';
import { playVmc, requirePeers, waitFor, type PlayerMessage } from './support/peers';
import { PLAYER_APPLY, PLAYER_OK, PLAYER_ROOT, axisAngle, playerBlend, playerBone, playerTime } from './support/vmcCycles';

/** The codec's documented weight bound (half a step), plus float32 rounding on the VMC wire. */
const WEIGHT_BOUND = 0.5 / WEIGHT_STEPS + 1e-6;
const ROTATION_BOUND_DEG = MAX_ROTATION_ERROR_DEG;
const FLOOD = 10_000;

// Unity, left-handed, avatar facing +Z: its right is +X. A head turned 30° to the avatar's right is a
// positive turn about +Y (+Z toward +X); the right upper arm points +X in the T-pose, and raising it
// turns it toward +Y: a positive turn about +Z.
const UNITY_HEAD_RIGHT_30 = axisAngle([0, 1, 0], 30);
const UNITY_RIGHT_ARM_RAISED = axisAngle([0, 0, 1], 90);
// rigcast, right-handed, avatar facing +Z: its right is −X. The same head is a negative turn about +Y;
// the same arm (pointing −X at rest) turns toward +Y by a negative turn about +Z.
const RIGCAST_HEAD_RIGHT_30 = axisAngle([0, 1, 0], -30);
const RIGCAST_RIGHT_ARM_RAISED = axisAngle([0, 0, 1], -90);

/** One cycle as VSeeFace sends it: a bundle of bones, then a bundle of blendshapes ending in Apply. */
function performanceCycle(time: number): PlayerMessage[][] {
  return [
    [PLAYER_ROOT, playerBone('Hips', [0, 0, 0, 1], [0, 0.9, 0]), playerBone('Head', UNITY_HEAD_RIGHT_30, [0, 0.06, 0]), playerBone('RightUpperArm', UNITY_RIGHT_ARM_RAISED, [-0.1, 0, 0])],
    [playerBlend('jawOpen', 0.7), playerBlend('Blink_L', 1), PLAYER_APPLY, PLAYER_OK, playerTime(time)],
  ];
}

/**
 * Ten kinds of bad datagram, each counted exactly once by the bridge: dropped whole (garbage, a cut
 * or corrupted bundle, an oversized one) or one ignored message (wrong types, NaN, a zero rotation,
 * an unknown address or name). The bundles carry a head turned LEFT and jawOpen 0.1 with an Apply,
 * which must never reach a frame.
 */
function floodDatagram(i: number): Uint8Array {
  const left = axisAngle([0, 1, 0], -45);
  const [wrong] = bundles([bonePos('Head', left), blendVal('jawOpen', 0.1), APPLY]);
  switch (i % 10) {
    case 0:
      return Uint8Array.from({ length: 4 + (i % 97) }, (_, k) => (k === 0 ? 0x41 : (i * 31 + k * 17) & 0xff));
    case 1:
      return wrong.subarray(0, wrong.length - 4);
    case 2: {
      const corrupt = wrong.slice();
      corrupt[19] += 2; // the first element's size, no longer a multiple of 4
      return corrupt;
    }
    case 3:
      if (i % 100 === 3) {
        // Valid OSC, but longer than the bridge reads: 600 copies of the wrong cycle.
        return bundles(Array.from({ length: 600 }, () => bonePos('Head', left)).concat([APPLY]), 65_000)[0];
      }
      return wrong.subarray(0, 20);
    case 4:
      return bundles([{ address: '/VMC/Ext/Bone/Pos', args: [{ s: 'Head' }, ...[0, 0, 0, 0, 0.38, 0, 0.92].map((v) => ({ i: Math.round(v) }))] }])[0];
    case 5:
      return bundles([bonePos('Head', [Number.NaN, 0, 0, 1])])[0];
    case 6:
      return bundles([blendVal('jawOpen', Number.NaN)])[0];
    case 7:
      return bundles([{ address: '/VMC/Ext/Hmd/Pos', args: [{ s: 'HMD' }, { f: 0 }] }])[0];
    case 8:
      return bundles([bonePos('Head', [0, 0, 0, 0])])[0];
    default:
      return bundles([blendVal('JawOpen ', 0.1)])[0];
  }
}

describe('vmc in: liblo performer → bridge → real hub → Socket.IO viewer', () => {
  const harness = new BridgeHarness();
  beforeAll(() => requirePeers());
  afterEach(() => harness.cleanup());

  it('head turned 30° to the right, jawOpen 0.7, Blink_L 1 and the right arm raised arrive within the codec\'s bounds; 10,000 bad datagrams in the middle change nothing and are counted', async () => {
    await harness.start();
    const room = 'vmc-in';
    const bridge = await harness.vmcIn(room);
    const viewer = harness.viewer(room);
    await waitFor(() => bridge.client.connected && viewer.client.connected, 'the bridge and the viewer to join');

    const CYCLES = 240;
    const playback = playVmc('127.0.0.1', bridge.port, 60, Array.from({ length: CYCLES }, (_, i) => performanceCycle(i / 60)));
    await waitFor(() => viewer.frames.length >= 30, 'the first 30 frames', 20_000);

    // The flood, while the performer plays, in batches of 100 that the bridge has counted before
    // the next goes: UDP drops what overflows a socket's buffer, and every one must arrive.
    const flooder = createSocket('udp4');
    const { stats } = bridge.assembler;
    const counted = () => Object.values(stats.dropped).reduce((a, b) => a + b, 0) + Object.values(stats.ignored).reduce((a, b) => a + b, 0);
    const framesBeforeFlood = stats.frames;
    for (let i = 0; i < FLOOD; i++) {
      flooder.send(floodDatagram(i), bridge.port, '127.0.0.1');
      if (i % 100 === 99) await waitFor(() => counted() === i + 1, `the bridge to count ${i + 1} bad datagrams (has ${counted()})`);
    }
    const framesAfterFlood = stats.frames;
    const { sent } = await playback.done;
    flooder.close();
    expect(sent).toBe(CYCLES);
    await waitFor(() => stats.datagrams === CYCLES * 2 + FLOOD, `${CYCLES * 2 + FLOOD} datagrams (have ${stats.datagrams})`);
    // The hub relays latest-wins: a viewer that falls behind skips frames, but always gets the last.
    await waitFor(() => viewer.frames.at(-1)?.seq === stats.frames, 'the viewer to get the last frame');

    // Every bad datagram counted once; the performance's own messages are all valid.
    const dropped = Object.values(stats.dropped).reduce((a, b) => a + b, 0);
    const ignored = Object.values(stats.ignored).reduce((a, b) => a + b, 0);
    console.log(`in: ${stats.frames} frames (${framesBeforeFlood} before the flood, ${framesAfterFlood - framesBeforeFlood} during it); flood counted as dropped`, stats.dropped, 'ignored', stats.ignored);
    expect(dropped + ignored).toBe(FLOOD);
    expect(stats.dropped).toEqual({ oversized: FLOOD / 100, truncated: (FLOOD / 10) * 2 - FLOOD / 100, malformed: FLOOD / 10 * 2 });
    expect(stats.ignored).toEqual({ 'unknown-address': FLOOD / 10, 'wrong-type': FLOOD / 10, 'not-finite': (FLOOD / 10) * 2, 'zero-rotation': FLOOD / 10, 'unknown-name': FLOOD / 10 });
    // Nothing of the flood became a frame, and nothing bad reached the hub.
    expect(stats.frames).toBe(CYCLES);
    expect(bridge.published + bridge.unsent).toBe(CYCLES);
    expect(bridge.client.rejectedCount).toBe(0);
    expect(await harness.rejectedFrames()).toBe(0);

    let worstHeadDeg = 0;
    let worstArmDeg = 0;
    let worstWeight = 0;
    for (const frame of viewer.frames) {
      const face = frame.face!;
      worstHeadDeg = Math.max(worstHeadDeg, quatAngleBetween(face.head, RIGCAST_HEAD_RIGHT_30) / DEG);
      worstArmDeg = Math.max(worstArmDeg, quatAngleBetween(frame.body!.bones.rightUpperArm!, RIGCAST_RIGHT_ARM_RAISED) / DEG);
      worstWeight = Math.max(worstWeight, Math.abs(face.blendshapes.jawOpen - 0.7), Math.abs(face.expressions.blinkLeft - 1));
      expect(face.expressions.blinkRight).toBe(0);
      expect(frame.body!.confidence.rightArm).toBe(1);
      expect(frame.body!.confidence.leftArm).toBe(0);
    }
    console.log(`in: ${viewer.frames.length} frames at the viewer; worst head ${worstHeadDeg.toFixed(4)}°, arm ${worstArmDeg.toFixed(4)}°, weight ${worstWeight.toFixed(5)}`);
    expect(worstHeadDeg).toBeLessThanOrEqual(ROTATION_BOUND_DEG);
    expect(worstArmDeg).toBeLessThanOrEqual(ROTATION_BOUND_DEG);
    expect(worstWeight).toBeLessThanOrEqual(WEIGHT_BOUND);
    // What the numbers mean: the face looks toward the avatar's right (−X in rigcast), the arm points up.
    const last = viewer.frames.at(-1)!;
    expect(quatRotateVec3([0, 0, 0], last.face!.head, [0, 0, 1])[0]).toBeCloseTo(-0.5, 3);
    const arm = quatRotateVec3([0, 0, 0], last.body!.bones.rightUpperArm!, [-1, 0, 0]);
    expect(arm[1]).toBeCloseTo(1, 3);
    // seq counts frames (in order, none twice), time is their arrival.
    for (let i = 1; i < viewer.frames.length; i++) expect(viewer.frames[i].seq).toBeGreaterThan(viewer.frames[i - 1].seq);
    expect(last.time).toBeGreaterThan(Date.now() - 60_000);
  });

  it('an ARKit-only sender gets presets derived by the solver\'s derivation: the mouth opens and the eyes close', async () => {
    await harness.start();
    const room = 'vmc-arkit';
    const bridge = await harness.vmcIn(room);
    const viewer = harness.viewer(room);
    await waitFor(() => bridge.client.connected && viewer.client.connected, 'the bridge and the viewer to join');
    const sent: Record<string, number> = { jawOpen: 0.7, eyeBlinkLeft: 1, eyeBlinkRight: 1, mouthFunnel: 0.1, browInnerUp: 0.3 };
    const cycle = [[PLAYER_ROOT, playerBone('Head', UNITY_HEAD_RIGHT_30), ...Object.entries(sent).map(([name, value]) => playerBlend(name, value)), PLAYER_APPLY]];
    await playVmc('127.0.0.1', bridge.port, 30, Array.from({ length: 15 }, () => cycle)).done;
    await waitFor(() => viewer.frames.length >= 10, '10 frames');

    const weights = new Float64Array(ARKIT_BLENDSHAPE_NAMES.length);
    for (const [name, value] of Object.entries(sent)) weights[ARKIT_BLENDSHAPE_NAMES.indexOf(name as never)] = Math.fround(value);
    const expected = new Float64Array(RIG_EXPRESSION_NAMES.length);
    deriveRigExpressions(weights, 0, expected, 0);
    const face = viewer.frames.at(-1)!.face!;
    RIG_EXPRESSION_NAMES.forEach((name, i) => expect(Math.abs(face.expressions[name] - expected[i])).toBeLessThanOrEqual(WEIGHT_BOUND));
    console.log('in, ARKit only: derived presets', Object.fromEntries(RIG_EXPRESSION_NAMES.map((n) => [n, face.expressions[n].toFixed(3)]).filter(([, v]) => v !== '0.000')));
    expect(face.expressions.aa).toBeGreaterThan(0.8);
    expect(face.expressions.blink).toBe(1);
    expect(face.blendshapes.jawOpen).toBeCloseTo(0.7, 2);
  });
});
