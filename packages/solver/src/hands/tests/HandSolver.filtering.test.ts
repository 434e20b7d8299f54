import { DEG, quatFromAxisAngle, quatTwistAngle } from '@rigcast/math';
import { createEmptyBody, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { gaussian } from '../../filters/tests/noise';
import { OPEN_HAND_FIXTURE_PATH, loadHandFixture } from '../../fixture/loadHandFixture';
import { HandSolver } from '../HandSolver';
import { FIST, armChain, digitBoneNames, handResult, wristRotation, type DigitAngles, type HandPoseTruth } from './handFk';
import { canonical, readDigit } from './handScore';

// What the default filters (smoothing 0.5) do against raw output (smoothing 0): jitter at rest
// (RMS of the second difference, frame to frame) and the lag they add on motion (the shift, in
// frames, that best lines the filtered signal up with the raw one).
const FRAME_MS = 1000 / 30;
const NOISE_PER_AXIS = 0.003 / Math.sqrt(3);
const ARM: Quat = quatFromAxisAngle([0, 0, 0, 1], [0, 0, 1], 90 * DEG);
const TARGETS = { maxAddedLagFrames: 1, minJitterCut: 3 } as const;

/** Per frame: the index finger's total curl and the wrist's twist about the forearm (degrees), as the rig shows them. */
function channels(poses: HandPoseTruth[], smoothing: number, seed: number): { curl: number[]; twist: number[] } {
  const solver = new HandSolver({ smoothing });
  const body = createEmptyBody();
  const noise = gaussian(seed);
  const arms = armChain({ left: ARM });
  const curl: number[] = [];
  const twist: number[] = [];
  poses.forEach((pose, i) => {
    body.bones.leftLowerArm = [0, 0, 0, 1];
    solver.solve(handResult([{ side: 'left', pose, lowerArmWorld: ARM }], true, NOISE_PER_AXIS, noise), i * FRAME_MS, body, arms);
    const index = readDigit(1, digitBoneNames('left')[1].map((n) => canonical(body.bones[n]!, 'left')));
    curl.push((index[1] + index[2] + index[3]) / DEG);
    // The forearm twist the avatar shows: the lowerArm's share plus the hand's own.
    twist.push((quatTwistAngle(body.bones.leftLowerArm, [1, 0, 0]) + quatTwistAngle(body.bones.leftHand!, [1, 0, 0])) / DEG);
  });
  return { curl, twist };
}

function jitter(values: number[], from = 0): number {
  let sum = 0;
  let n = 0;
  for (let i = from + 2; i < values.length; i++, n++) sum += (values[i] - 2 * values[i - 1] + values[i - 2]) ** 2;
  return Math.sqrt(sum / n);
}

/** The delay (frames, 0.05 steps) that best matches `signal` to `reference` over the whole run. */
function lag(reference: number[], signal: number[]): number {
  let best = 0;
  let bestError = Number.POSITIVE_INFINITY;
  for (let shift = -3; shift <= 3 + 1e-9; shift += 0.05) {
    let error = 0;
    for (let i = 5; i < signal.length - 5; i++) {
      const t = i - shift;
      const i0 = Math.floor(t);
      const r = reference[i0] + (reference[i0 + 1] - reference[i0]) * (t - i0);
      error += (signal[i] - r) ** 2;
    }
    if (error < bestError) {
      bestError = error;
      best = shift;
    }
  }
  return best;
}

const OPEN: DigitAngles[] = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
const pose = (f: number, twist: number): HandPoseTruth => ({
  wrist: wristRotation(twist, 0, -15 * DEG),
  digits: OPEN.map((open, d) => open.map((v, k) => v + (FIST.digits[d][k] - v) * f) as DigitAngles),
});
/** Still, half curled. */
const STILL = Array.from({ length: 150 }, () => pose(0.4, 20 * DEG));
/** A fist closing and opening in a third of a second each way, while the palm turns over and back in 2 s. */
const MOVING = Array.from({ length: 120 }, (_, i) => pose((1 - Math.cos((2 * Math.PI * i) / 20)) / 2, 80 * DEG * Math.sin((2 * Math.PI * i) / 60)));

describe('HandSolver filters', () => {
  const rawStill = channels(STILL, 0, 1);
  const filteredStill = channels(STILL, 0.5, 1);
  const rawMoving = channels(MOVING, 0, 2);
  const filteredMoving = channels(MOVING, 0.5, 2);

  // Real frames: hand.mp4 while the open hand is held still (frames 100–201).
  const real = loadHandFixture(OPEN_HAND_FIXTURE_PATH);
  const realCurl = (smoothing: number) => {
    const solver = new HandSolver({ smoothing });
    const body = createEmptyBody();
    return real.frames.map((f) => {
      solver.solve(f.result, f.timeMs, body, null, f.poseWrists);
      const index = readDigit(1, digitBoneNames('left')[1].map((n) => canonical(body.bones[n]!, 'left')));
      return (index[1] + index[2] + index[3]) / DEG;
    });
  };
  const realRaw = realCurl(0);
  const realFiltered = realCurl(0.5);

  const cut = { curl: jitter(rawStill.curl) / jitter(filteredStill.curl), twist: jitter(rawStill.twist) / jitter(filteredStill.twist) };
  const added = { curl: lag(rawMoving.curl, filteredMoving.curl), twist: lag(rawMoving.twist, filteredMoving.twist) };
  console.log('| channel | jitter at rest, raw → smoothing 0.5 (3 mm RMS noise) | cut | lag added on motion (frames at 30 fps) |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| index finger curl | ${jitter(rawStill.curl).toFixed(2)}° → ${jitter(filteredStill.curl).toFixed(2)}° | ${cut.curl.toFixed(1)}× | ${added.curl.toFixed(2)} |`);
  console.log(`| forearm twist | ${jitter(rawStill.twist).toFixed(2)}° → ${jitter(filteredStill.twist).toFixed(2)}° | ${cut.twist.toFixed(1)}× | ${added.twist.toFixed(2)} |`);
  console.log(`Real (hand.mp4, frames 100–201, VIDEO mode, already smoothed by MediaPipe): index curl jitter ${jitter(realRaw, 100).toFixed(2)}° raw → ${jitter(realFiltered, 100).toFixed(2)}° (${(jitter(realRaw, 100) / jitter(realFiltered, 100)).toFixed(1)}×)`);

  it(`cuts jitter at rest at least ${TARGETS.minJitterCut}× on every channel`, () => {
    expect(cut.curl).toBeGreaterThanOrEqual(TARGETS.minJitterCut);
    expect(cut.twist).toBeGreaterThanOrEqual(TARGETS.minJitterCut);
  });

  it(`adds at most ${TARGETS.maxAddedLagFrames} frame of lag on fast motion`, () => {
    expect(added.curl).toBeLessThanOrEqual(TARGETS.maxAddedLagFrames);
    expect(added.twist).toBeLessThanOrEqual(TARGETS.maxAddedLagFrames);
  });
});
