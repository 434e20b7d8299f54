import { DEG, quatRotateVec3 } from '@rigcast/math';
import { createEmptyBody } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH, loadPoseFixture } from '../../fixture/loadPoseFixture';
import { gaussian } from '../../filters/tests/noise';
import { jitter, sweepLags } from '../../face/tests/jitterAndLag';
import { BodySolver } from '../BodySolver';
import { forwardKinematics, type BonePose } from './bodyFk';
import { frames, replayPoseFixture, type PoseReplay } from './replayPoseFixture';
import { SYNTHETIC_FPS, SYNTHETIC_NOISE_METRES, syntheticArmMotion } from './syntheticArmMotion';

// Filtered = the default smoothing 0.5; raw = the same solver with every filter off (smoothing 0).
// Jitter: RMS of the second difference of each component of the left upper and lower arm's world
// direction (jitterAndLag.ts), over frames where the arm is held still. Lag: the delay between
// the filtered and the raw elevation of the upper arm crossing 25, 50 and 75 % of each sweep.
const MIN_JITTER_CUT = 3;
const MAX_LAG_FRAMES = 1;

type Channels = number[][];

function channels(directions: { upper: number[][]; lower: number[][] }): Channels {
  return [0, 1, 2].flatMap((k) => [directions.upper.map((d) => d[k]), directions.lower.map((d) => d[k])]);
}

function jitterCut(raw: Channels, filtered: Channels, still: number[]): number[] {
  return raw.map((channel, k) => jitter(channel, still) / jitter(filtered[k], still));
}

/** Replays the synthetic stream (mirror off) and returns the left arm's directions and elevation. */
function replaySynthetic(smoothing: number) {
  const stream = syntheticArmMotion(gaussian(41));
  const solver = new BodySolver({ mirror: false, smoothing });
  const body = createEmptyBody();
  const upper: number[][] = [], lower: number[][] = [], elevation: number[] = [];
  stream.frames.forEach((frame, i) => {
    solver.solve(frame, (i * 1000) / SYNTHETIC_FPS, body);
    const { rotation } = forwardKinematics(body.bones as BonePose);
    const u = quatRotateVec3([0, 0, 0], rotation.get('leftUpperArm')!, [1, 0, 0]);
    upper.push(u);
    lower.push(quatRotateVec3([0, 0, 0], rotation.get('leftLowerArm')!, [1, 0, 0]));
    elevation.push(Math.asin(u[1]) / DEG);
  });
  return { ...stream, upper, lower, elevation };
}

const fromReplay = (r: PoseReplay) => channels({ upper: r.leftUpperArmDirection, lower: r.leftLowerArmDirection });

const syntheticRaw = replaySynthetic(0);
const syntheticFiltered = replaySynthetic(0.5);
const synthetic = {
  cut: jitterCut(channels(syntheticRaw), channels(syntheticFiltered), syntheticRaw.still),
  lags: sweepLags(syntheticRaw.elevation, syntheticFiltered.elevation, syntheticRaw.sweeps),
};

// The recording: the arm held toward the camera (70–190) for jitter, the raise and the swing
// down for lag (in each recording, where its raw elevation rises and falls).
const STILL = frames(70, 190);
const video = loadPoseFixture();
const image = loadPoseFixture(ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH);
const real = [
  { label: 'VIDEO mode (what the tracker gets)', fixture: video, sweeps: [[38, 46], [54, 60]] as [number, number][] },
  { label: 'IMAGE mode (raw per-frame detections)', fixture: image, sweeps: [[34, 46], [53, 60]] as [number, number][] },
].map(({ label, fixture, sweeps }) => {
  const raw = replayPoseFixture(fixture, { smoothing: 0 });
  const filtered = replayPoseFixture(fixture, { smoothing: 0.5 });
  return { label, cut: jitterCut(fromReplay(raw), fromReplay(filtered), STILL), lags: sweepLags(raw.leftUpperArmElevation, filtered.leftUpperArmElevation, sweeps) };
});

const show = (xs: number[], unit: string) => xs.map((x) => `${x.toFixed(2)}${unit}`).join(' ');
console.log(
  [
    `synthetic (arm held still, landmark noise ${SYNTHETIC_NOISE_METRES * 1000} mm per axis; then swings at up to 130°/s): jitter cut ${show(synthetic.cut, '×')}; lag ${show(synthetic.lags, '')} frames`,
    ...real.map((r) => `arm-raise ${r.label}: jitter cut on frames 70–190 ${show(r.cut, '×')}; lag on the raise and the swing down ${show(r.lags, '')} frames`),
  ].join('\n'),
);

describe('BodySolver filtering', () => {
  it(`cuts jitter at rest at least ${MIN_JITTER_CUT}× on a noisy synthetic arm, and on the recording's raw detections`, () => {
    for (const cut of [synthetic.cut, real[1].cut]) for (const c of cut) expect(c).toBeGreaterThanOrEqual(MIN_JITTER_CUT);
    // MediaPipe's VIDEO mode already smooths its landmarks; the filters still steady them.
    for (const c of real[0].cut) expect(c).toBeGreaterThanOrEqual(MIN_JITTER_CUT);
  });

  it(`adds at most ${MAX_LAG_FRAMES} frame of lag on motion, and does not lead`, () => {
    for (const lags of [synthetic.lags, real[0].lags]) {
      expect(lags.length).toBeGreaterThanOrEqual(6);
      for (const lag of lags) {
        expect(lag).toBeLessThanOrEqual(MAX_LAG_FRAMES);
        expect(lag).toBeGreaterThan(-0.25);
      }
    }
    // On the raw IMAGE-mode detections the sweeps are 7 and 12 frames of noisy signal: printed above,
    // not asserted (a crossing of noise can land a frame either way).
  });
});
