import { DEG, quatAngleBetween, quatFromAxisAngle, quatInverseMultiply, quatMultiply } from '@rigcast/math';
import { RELAXED_REST_ROTATIONS, createEmptyBody, humanoidBoneIndex, type BodyRig, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import '@rigcast/math/testing';
import { addHandBones } from '../addHandBones';
import { FOREARM_TWIST_SHARE } from '../HandJointLimits';
import { HAND_EASE_TO_REST_MS, HAND_HOLD_MS, HAND_RETURN_BLEND_MS, HAND_WITHOUT_ARM_CONFIDENCE, HandSolver } from '../HandSolver';
import { handBoneNames } from '../HandState';
import { FIST, OPEN_HAND, armChain, digitBoneNames, handResult, reflect, wristRotation, type HandPoseTruth } from './handFk';
import { canonical, readDigit } from './handScore';

const FRAME_MS = 1000 / 30;
const EMPTY = { landmarks: [], worldLandmarks: [], handedness: [] };
const q = (): Quat => [0, 0, 0, 1];
const ARM: Quat = quatFromAxisAngle(q(), [0, 0, 1], -70 * DEG);

/** Total curl (degrees) of each of the avatar's `side` fingers (index … little), as the rig shows it. */
function fingerCurls(body: BodyRig, side: 'left' | 'right'): number[] {
  return digitBoneNames(side).slice(1).map((names, f) => {
    const a = readDigit(f + 1, names.map((n) => canonical(body.bones[n]!, side)));
    return (a[1] + a[2] + a[3]) / DEG;
  });
}

function restRotation(name: string): Quat {
  const o = humanoidBoneIndex(name) * 4;
  return Array.from(RELAXED_REST_ROTATIONS.subarray(o, o + 4)) as Quat;
}

function expectAtRest(body: BodyRig, side: 'left' | 'right', toleranceDeg: number): void {
  for (const name of handBoneNames(side)) expect(body.bones[name]).toBeCloseToQuaternion(restRotation(name), toleranceDeg);
}

function track(solver: HandSolver, body: BodyRig, pose: HandPoseTruth, frames: number, from = 0): number {
  const arms = armChain({ left: ARM });
  for (let i = 0; i < frames; i++) solver.solve(handResult([{ side: 'left', pose, lowerArmWorld: ARM }], true), (from + i) * FRAME_MS, body, arms);
  return from + frames;
}

describe('HandSolver.rewrite', () => {
  it('puts the last solved hands back, and their forearm twist onto the lowerArm the body wrote since', () => {
    const solver = new HandSolver();
    const body = addHandBones(createEmptyBody());
    body.bones.leftLowerArm = q();
    // A fist turned 60° about the forearm: the solver hands part of that twist to the lowerArm.
    track(solver, body, { ...FIST, wrist: wristRotation(60 * DEG, 0, 0) }, 20);
    const solved = structuredClone(body.bones);
    // The body solver writes a new lowerArm (identity was the base the twist went onto).
    const bodyWrote = quatFromAxisAngle(q(), [0, 1, 0], 30 * DEG);
    body.bones.leftLowerArm = [...bodyWrote];
    for (const name of handBoneNames('left')) body.bones[name] = q();
    solver.rewrite(body);
    for (const name of handBoneNames('left')) expect(body.bones[name]).toBeCloseToQuaternion(solved[name]!, 1e-9);
    expect(body.bones.leftLowerArm).toBeCloseToQuaternion(quatMultiply(q(), bodyWrote, solved.leftLowerArm!), 1e-9);
    expect(quatAngleBetween(solved.leftLowerArm!, q()) / DEG).toBeGreaterThan(1);
  });
});

describe('HandSolver loss', () => {
  it(`holds a lost hand ${HAND_HOLD_MS} ms, eases it to the relaxed rest hand by ${HAND_HOLD_MS + HAND_EASE_TO_REST_MS} ms, and brings it back without a snap`, () => {
    const solver = new HandSolver();
    const body = addHandBones(createEmptyBody());
    let frame = track(solver, body, FIST, 30);
    expect(Math.min(...fingerCurls(body, 'left'))).toBeGreaterThan(200);
    const held = body.bones.leftIndexIntermediate!.slice();
    const lostAt = (frame - 1) * FRAME_MS;
    const arms = armChain({ left: ARM });
    let previous = body.bones.leftIndexIntermediate!.slice() as Quat;
    let largestStep = 0;
    for (; frame * FRAME_MS <= lostAt + HAND_HOLD_MS + HAND_EASE_TO_REST_MS + 100; frame++) {
      const t = frame * FRAME_MS;
      solver.solve(EMPTY, t, body, arms);
      if (t - lostAt <= HAND_HOLD_MS) {
        expect(solver.state('left')).toBe('holding');
        expect(body.bones.leftIndexIntermediate).toEqual(held);
      } else expect(solver.state('left')).toBe('lost');
      largestStep = Math.max(largestStep, quatAngleBetween(previous, body.bones.leftIndexIntermediate!) / DEG);
      previous = body.bones.leftIndexIntermediate!.slice() as Quat;
      for (const bone of Object.values(body.bones)) expect(bone!.every(Number.isFinite)).toBe(true);
    }
    expectAtRest(body, 'left', 1e-6);
    expect(body.confidence.leftHand).toBe(0);
    // The ease is gradual: no frame moves a finger by more than a tenth of the way.
    expect(largestStep).toBeLessThan(12);

    // Seen again: it blends back over HAND_RETURN_BLEND_MS instead of snapping to the fist.
    solver.solve(handResult([{ side: 'left', pose: FIST, lowerArmWorld: ARM }], true), frame * FRAME_MS, body, arms);
    expect(Math.max(...fingerCurls(body, 'left'))).toBeLessThan(60);
    frame = track(solver, body, FIST, Math.ceil(HAND_RETURN_BLEND_MS / FRAME_MS) + 1, frame + 1);
    expect(Math.min(...fingerCurls(body, 'left'))).toBeGreaterThan(200);
  });

  it('keeps a hand still seen when the pose loses its arm but shows its wrist (the elbow below the frame): the fingers tracked, the wrist gliding to straight, at the no-arm confidence', () => {
    const solver = new HandSolver({ smoothing: 0 });
    const body = addHandBones(createEmptyBody());
    const bent = { ...FIST, wrist: wristRotation(0, 30 * DEG, -40 * DEG) };
    let frame = track(solver, body, bent, 10);
    expect(body.confidence.leftHand).toBe(1);
    const onArm = body.bones.leftHand!.slice() as Quat;
    expect(quatAngleBetween(onArm, q()) / DEG).toBeGreaterThan(20);
    const noArm = armChain({});
    const seen = () => handResult([{ side: 'left', pose: bent, lowerArmWorld: ARM }], true);
    // Mirror on: the avatar's left hand is the subject's right, whose wrist the pose still shows.
    const wrists = { left: null, right: { x: 0.3, y: 0.5, visibility: 0.9 }, aspect: 4 / 3 };
    // The first frame without the arm starts a glide: no snap of the wrist.
    solver.solve(seen(), frame++ * FRAME_MS, body, noArm, wrists);
    expect(quatAngleBetween(body.bones.leftHand!, onArm) / DEG).toBeLessThan(3);
    for (let i = 0; i * FRAME_MS <= HAND_RETURN_BLEND_MS + FRAME_MS; i++) solver.solve(seen(), frame++ * FRAME_MS, body, noArm, wrists);
    expect(solver.state('left')).toBe('tracking');
    expect(body.confidence.leftHand).toBe(HAND_WITHOUT_ARM_CONFIDENCE);
    expect(body.bones.leftHand).toBeCloseToQuaternion(q(), 1e-6);
    expect(Math.min(...fingerCurls(body, 'left'))).toBeGreaterThan(230);
    // The arm back: the wrist glides back onto it.
    const arms = armChain({ left: ARM });
    solver.solve(seen(), frame++ * FRAME_MS, body, arms, wrists);
    expect(quatAngleBetween(body.bones.leftHand!, q()) / DEG).toBeLessThan(3);
    for (let i = 0; i * FRAME_MS <= HAND_RETURN_BLEND_MS + FRAME_MS; i++) solver.solve(seen(), frame++ * FRAME_MS, body, arms, wrists);
    expect(body.bones.leftHand).toBeCloseToQuaternion(onArm, 0.5);
    expect(body.confidence.leftHand).toBe(1);
  });

  it('lets a lost arm whose wrist the pose does not show take its hand with it, though still detected: held, then at rest with confidence 0', () => {
    for (const wrist of [null, { x: 0.3, y: 1.4, visibility: 0.9 }, { x: 0.3, y: 0.5, visibility: 0.1 }]) {
      const solver = new HandSolver();
      const body = addHandBones(createEmptyBody());
      const frame = track(solver, body, FIST, 10);
      const noArm = armChain({});
      const wrists = { left: { x: 0.7, y: 0.5, visibility: 0.9 }, right: wrist, aspect: 4 / 3 };
      for (let i = 0; i * FRAME_MS <= HAND_HOLD_MS + HAND_EASE_TO_REST_MS + 50; i++) {
        solver.solve(handResult([{ side: 'left', pose: FIST, lowerArmWorld: ARM }], true), (frame + i) * FRAME_MS, body, noArm, wrists);
      }
      expect(solver.state('left')).toBe('lost');
      expect(body.confidence.leftHand).toBe(0);
      expectAtRest(body, 'left', 1e-6);
    }
  });

  it('keeps a hand held up close to the camera when the pose loses its arm and shows no wrist (hand.mp4): its fingers, on a straight wrist; not a small hand at the frame\'s edge', () => {
    const noArm = armChain({});
    // Mirror on: the avatar's left hand is the subject's right, whose wrist the pose does not show.
    const wrists = { left: { x: 0.7, y: 0.5, visibility: 0.9 }, right: { x: 0.38, y: 0.7, visibility: 0.42 }, aspect: 4 / 3 };
    const cases = [
      { what: 'close, in the middle', hand: { imageWrist: { x: 0.39, y: 0.3 }, imageSpan: 0.55 }, kept: true },
      { what: 'small, at the bottom edge', hand: { imageWrist: { x: 0.31, y: 0.97 }, imageSpan: 0.24 }, kept: false },
      { what: 'large, but its wrist cut off at the bottom edge', hand: { imageWrist: { x: 0.31, y: 0.99 }, imageSpan: 0.5 }, kept: false },
      { what: 'small, in the middle', hand: { imageWrist: { x: 0.39, y: 0.4 }, imageSpan: 0.25 }, kept: false },
    ];
    for (const { what, hand, kept } of cases) {
      const solver = new HandSolver({ smoothing: 0 });
      const body = addHandBones(createEmptyBody());
      for (let i = 0; i * FRAME_MS <= HAND_HOLD_MS + HAND_EASE_TO_REST_MS + 50; i++) {
        solver.solve(handResult([{ side: 'left', pose: FIST, lowerArmWorld: ARM, ...hand }], true), i * FRAME_MS, body, noArm, wrists);
      }
      expect(solver.state('left'), what).toBe(kept ? 'tracking' : 'lost');
      expect(body.confidence.leftHand, what).toBe(kept ? HAND_WITHOUT_ARM_CONFIDENCE : 0);
      if (kept) {
        expect(Math.min(...fingerCurls(body, 'left')), what).toBeGreaterThan(230);
        expect(body.bones.leftHand, what).toBeCloseToQuaternion(q(), 1e-6);
      } else expectAtRest(body, 'left', 1e-6);
    }
  });

  it('solves the fingers with no arm chain (no pose: a hand close to the camera) and holds the wrist straight', () => {
    const solver = new HandSolver({ smoothing: 0 });
    const body = addHandBones(createEmptyBody());
    body.bones.leftLowerArm = [0.1, 0.2, 0.3, Math.sqrt(1 - 0.14)];
    const lowerArm = body.bones.leftLowerArm.slice();
    const bent = { ...FIST, wrist: wristRotation(40 * DEG, 10 * DEG, -50 * DEG) };
    solver.solve(handResult([{ side: 'left', pose: bent, lowerArmWorld: ARM }], true), 0, body, null);
    expect(solver.state('left')).toBe('tracking');
    expect(Math.min(...fingerCurls(body, 'left'))).toBeGreaterThan(230);
    expect(body.bones.leftHand).toBeCloseToQuaternion(q(), 1e-9);
    expect(body.bones.leftLowerArm).toEqual(lowerArm);
    expect(body.confidence.leftHand).toBe(HAND_WITHOUT_ARM_CONFIDENCE);
  });

  it('rejects a non-finite time, and takes a hand with NaN or missing landmarks as not seen', () => {
    const solver = new HandSolver();
    const body = addHandBones(createEmptyBody());
    track(solver, body, OPEN_HAND, 5);
    const before = structuredClone(body);
    expect(() => solver.solve(EMPTY, Number.NaN, body)).toThrow(/timeMs must be a finite time/);
    expect(body).toEqual(before);
    const broken = handResult([{ side: 'left', pose: FIST, lowerArmWorld: ARM }], true);
    broken.worldLandmarks[0][7].x = Number.NaN;
    solver.solve(broken, 6 * FRAME_MS, body, armChain({ left: ARM }));
    expect(solver.state('left')).toBe('holding');
    solver.solve({ ...broken, worldLandmarks: [broken.worldLandmarks[0].slice(0, 20)] }, 7 * FRAME_MS, body, armChain({ left: ARM }));
    expect(solver.state('left')).toBe('holding');
    for (const bone of Object.values(body.bones)) expect(bone!.every(Number.isFinite)).toBe(true);
  });
});

describe('HandSolver sides and arms', () => {
  it('writes the fixed key set: the 32 hand bones, once allocated, then overwritten in place', () => {
    const solver = new HandSolver();
    const body = createEmptyBody();
    solver.solve(EMPTY, 0, body);
    const keys = Object.keys(body.bones).sort();
    expect(keys).toEqual([...handBoneNames('left'), ...handBoneNames('right')].sort());
    const arrays = keys.map((k) => body.bones[k as keyof typeof body.bones]);
    track(solver, body, FIST, 3, 1);
    expect(Object.keys(body.bones).sort()).toEqual(keys);
    keys.forEach((k, i) => expect(body.bones[k as keyof typeof body.bones]).toBe(arrays[i]));
  });

  it("mirror on: the subject's right hand drives the avatar's LEFT hand, as the mirror image of what mirror off gives", () => {
    const pose: HandPoseTruth = { digits: [[20 * DEG, 30 * DEG, 20 * DEG, 25 * DEG], [15 * DEG, 10 * DEG, 20 * DEG, 13 * DEG], [0, 80 * DEG, 90 * DEG, 60 * DEG], [0, 85 * DEG, 95 * DEG, 63 * DEG], [-10 * DEG, 30 * DEG, 10 * DEG, 7 * DEG]], wrist: wristRotation(30 * DEG, 10 * DEG, -40 * DEG) };
    // The same camera image (the subject's right hand) solved both ways.
    const image = handResult([{ side: 'right', pose, lowerArmWorld: ARM }], false);
    const off = new HandSolver({ mirror: false, smoothing: 0 });
    const on = new HandSolver({ mirror: true, smoothing: 0 });
    const bodyOff = addHandBones(createEmptyBody());
    const bodyOn = addHandBones(createEmptyBody());
    off.solve(image, 0, bodyOff, null);
    on.solve(image, 0, bodyOn, null);
    expect(off.state('right')).toBe('tracking');
    expect(off.state('left')).toBe('lost');
    expect(on.state('left')).toBe('tracking');
    expect(on.state('right')).toBe('lost');
    handBoneNames('right').forEach((name, i) => {
      expect(bodyOn.bones[handBoneNames('left')[i]]).toBeCloseToQuaternion(reflect(bodyOff.bones[name]!), 1e-6);
    });
    expect(fingerCurls(bodyOn, 'left').map(Math.round)).toEqual([43, 230, 243, 47]);
  });

  it('lands each hand on its own arm with the labels swapped, when the pose sees the wrists; without a pose the label decides', () => {
    // Mirror on: the subject's left hand (a fist, on the image's right) drives the avatar's right.
    const hands = [
      { side: 'right' as const, pose: FIST, lowerArmWorld: ARM, label: 'Right' as const, imageWrist: { x: 0.72, y: 0.55 } },
      { side: 'left' as const, pose: OPEN_HAND, lowerArmWorld: ARM, label: 'Left' as const, imageWrist: { x: 0.28, y: 0.5 } },
    ];
    const wrists = { left: { x: 0.7, y: 0.58, visibility: 0.9 }, right: { x: 0.3, y: 0.52, visibility: 0.95 }, aspect: 16 / 9 };
    const arms = armChain({ left: ARM, right: ARM });
    const solver = new HandSolver({ smoothing: 0 });
    const body = addHandBones(createEmptyBody());
    solver.solve(handResult(hands, true), 0, body, arms, wrists);
    expect(Math.min(...fingerCurls(body, 'right'))).toBeGreaterThan(200);
    expect(Math.max(...fingerCurls(body, 'left'))).toBeLessThan(5);

    // No pose: one fist goes where its label sends it (mirror on: 'Left', the subject's left, to the avatar's right).
    for (const [label, tracked, lost] of [['Left', 'right', 'left'], ['Right', 'left', 'right']] as const) {
      const labelsOnly = new HandSolver({ smoothing: 0 });
      labelsOnly.solve(handResult([{ ...hands[0], label }], true), 0, body, arms, null);
      expect(labelsOnly.state(tracked)).toBe('tracking');
      expect(labelsOnly.state(lost)).toBe('lost');
    }
  });

  it("moves the forearm's share of the twist into the lowerArm the body solver wrote, once per body solve, keeping the hand's world rotation", () => {
    const twist = 70 * DEG;
    const pose = { ...OPEN_HAND, wrist: wristRotation(twist, 0, -20 * DEG) };
    const solver = new HandSolver({ smoothing: 0 });
    const body = addHandBones(createEmptyBody());
    const bodySolverLowerArm: Quat = quatFromAxisAngle(q(), [0, 1, 0], 0.4);
    const arms = armChain({ left: ARM });
    const trueWorld = quatMultiply(q(), ARM, pose.wrist);
    for (let frame = 0; frame < 3; frame++) {
      // Frames 0 and 1: the body solver wrote its lowerArm first. Frame 2: it did not solve (the
      // hand solver must not twist its own output again).
      if (frame < 2) body.bones.leftLowerArm = bodySolverLowerArm.slice() as Quat;
      solver.solve(handResult([{ side: 'left', pose, lowerArmWorld: ARM }], true), frame * FRAME_MS, body, arms);
      const added = quatInverseMultiply(q(), bodySolverLowerArm, body.bones.leftLowerArm!);
      expect(added).toBeCloseToQuaternion(quatFromAxisAngle(q(), [1, 0, 0], FOREARM_TWIST_SHARE * twist), 1e-6);
      const handWorld = quatMultiply(q(), quatMultiply(q(), ARM, added), body.bones.leftHand!);
      expect(handWorld).toBeCloseToQuaternion(trueWorld, 1e-6);
    }
  });
});
