/**
 * Body solver benchmark: per-frame cost of BodySolver.solve (solve + filters) against kalidokit's
 * Pose.solve on the same landmarks, and each one's jitter at rest and lag on motion, on the
 * arm-raise recording (PoseLandmarker lite).
 *
 *   pnpm bench:solver            (runs the face benchmark, then this; SOLVER_BENCH_PASSES=200 for more passes)
 */
import { quatRotateVec3, quatSlerp } from '@rigcast/math';
import { createEmptyBody, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { Pose } from 'kalidokit/dist/kalidokit.es.js';
import { BodySolver } from '../src/body/BodySolver';
import { PoseLandmarkIndex as P } from '../src/body/PoseLandmarkIndex';
import type { PoseLandmarkLike, PoseLandmarkerResultLike } from '../src/body/PoseLandmarkerResultLike';
import { forwardKinematics, type BonePose } from '../src/body/tests/bodyFk';
import { fullBodyFromRecording } from '../src/body/tests/fullBodyFromRecording';
import { KALIDOKIT_IMAGE_SIZE, kalidokitPose } from '../src/body/tests/kalidokitPose';
import { jitter, sweepLags } from '../src/face/tests/jitterAndLag';
import type { PoseFixture } from '../src/fixture/PoseFixture';
import { ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH, loadPoseFixture } from '../src/fixture/loadPoseFixture';
import { cameraPointFromMediaPipe } from '../src/space/cameraPointFromMediaPipe';
import { crossCorrelationLag, time } from './benchTools';

const PASSES = Number(process.env.SOLVER_BENCH_PASSES ?? 100);
const DEG = 180 / Math.PI;
/** The arm held toward the camera (jitter), and her raise and swing down (lag), as frame ranges. */
const STILL = Array.from({ length: 121 }, (_, i) => 70 + i);
const SWEEPS: readonly [number, number][] = [[34, 48], [52, 62]];
/** kalidokit's demo eases every bone 30 % of the way to its new rotation each frame (its smoothing). */
const DEMO_SLERP = 0.3;

const video = loadPoseFixture();
const image = loadPoseFixture(ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH);
const full = fullBodyFromRecording();
console.log(`rigcast body solver benchmark — ${video.frames.length} frames of arm-raise-thumbs-up.mp4 (PoseLandmarker lite), ${PASSES} passes, Node ${process.version}\n`);

// Cost. kalidokit scales and annotates the landmarks it is given, so each call gets fresh
// copies, made outside the timed region.
const copy = (points: readonly PoseLandmarkLike[]) => points.map((p) => ({ x: p.x, y: p.y, z: p.z, visibility: p.visibility ?? 1 }));
function costs(fixture: PoseFixture, mode: 'upper' | 'full') {
  const solver = new BodySolver({ mode });
  const body = createEmptyBody();
  const ours = time(fixture, PASSES, () => {}, (i, timeMs) => {
    solver.solve(fixture.frames[i].result, timeMs, body);
  });
  let world: ReturnType<typeof copy> = [];
  let image: ReturnType<typeof copy> = [];
  const theirs = time(fixture, Math.max(1, Math.round(PASSES / 4)), (i) => {
    world = copy(fixture.frames[i].result.worldLandmarks[0]);
    image = copy(fixture.frames[i].result.landmarks[0]);
  }, () => {
    Pose.solve(world, image, { runtime: 'mediapipe', imageSize: KALIDOKIT_IMAGE_SIZE, enableLegs: mode === 'full' });
  });
  return { ours, theirs };
}
const upper = costs(video, 'upper');
const legs = costs(full, 'full');
const fmt = (v: number, digits = 1) => v.toFixed(digits);
console.log('| solver | mean µs/frame | p50 µs | p99 µs |');
console.log('| --- | ---: | ---: | ---: |');
for (const [label, t] of [
  ['rigcast BodySolver.solve, upper mode (solve + filters), recording', upper.ours],
  ['kalidokit Pose.solve (no legs, no filtering), recording', upper.theirs],
  ['rigcast BodySolver.solve, full mode, recording with legs added', legs.ours],
  ['kalidokit Pose.solve (legs), recording with legs added', legs.theirs],
] as const) {
  console.log(`| ${label} | ${fmt(t.mean)} | ${fmt(t.p50)} | ${fmt(t.p99)} |`);
}
console.log(
  `\ncost ratio rigcast ÷ kalidokit (mean): upper ${fmt(upper.ours.mean / upper.theirs.mean, 2)}×, full ${fmt(legs.ours.mean / legs.theirs.mean, 2)}× — rigcast fits the torso by Gauss–Newton, filters every bone and runs the part lifecycles; kalidokit needs copies of the landmarks per call (not timed).\n`,
);

// Quality: the elevation of the avatar's left upper arm (her right arm, mirrored), per frame.
const ALONG_LEFT_ARM: [number, number, number] = [1, 0, 0];
function elevation(bones: BonePose): number {
  const d = quatRotateVec3([0, 0, 0], forwardKinematics(bones).rotation.get('leftUpperArm')!, ALONG_LEFT_ARM);
  return Math.asin(Math.max(-1, Math.min(1, d[1]))) * DEG;
}

function rigcastElevation(fixture: PoseFixture, smoothing: number): number[] {
  const solver = new BodySolver({ smoothing });
  const body = createEmptyBody();
  return fixture.frames.map((f) => {
    solver.solve(f.result, f.timeMs, body);
    return elevation(body.bones as BonePose);
  });
}

/** kalidokit as its demo applies it, raw or with the demo's per-frame slerp. */
function kalidokitElevation(fixture: PoseFixture, smoothed: boolean): number[] {
  const shown: BonePose = {};
  return fixture.frames.map((f) => {
    const target = kalidokitPose(f.result as PoseLandmarkerResultLike, false) ?? {};
    for (const [bone, q] of Object.entries(target) as [HumanoidBoneName, Quat][]) {
      const last = shown[bone];
      shown[bone] = smoothed && last ? quatSlerp([0, 0, 0, 1] as Quat, last, q, DEMO_SLERP) : q;
    }
    return elevation(shown);
  });
}

/** Her right upper arm's elevation straight from MediaPipe's world landmarks: the reference for lag. */
function landmarkElevation(fixture: PoseFixture): number[] {
  const a = [0, 0, 0], b = [0, 0, 0];
  return fixture.frames.map((f) => {
    const w = f.result.worldLandmarks[0];
    cameraPointFromMediaPipe(a, w[P.RightShoulder]);
    cameraPointFromMediaPipe(b, w[P.RightElbow]);
    return Math.asin((b[1] - a[1]) / Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2])) * DEG;
  });
}

for (const [label, fixture] of [['VIDEO mode (what the tracker gets; MediaPipe already smooths)', video], ['IMAGE mode (raw per-frame detections)', image]] as const) {
  const reference = landmarkElevation(fixture);
  const raw = rigcastElevation(fixture, 0);
  const rows = [
    { name: 'rigcast BodySolver (smoothing 0.5)', signal: rigcastElevation(fixture, 0.5), added: true },
    { name: 'rigcast BodySolver (smoothing 0, raw)', signal: raw, added: false },
    { name: 'kalidokit Pose.solve (raw)', signal: kalidokitElevation(fixture, false), added: false },
    { name: `kalidokit + its demo's slerp ${DEMO_SLERP} per frame`, signal: kalidokitElevation(fixture, true), added: false },
  ];
  console.log(`Upper arm elevation of the avatar's left arm (her right), ${label}:`);
  console.log('| solver | jitter (RMS 2nd difference), frames 70–190 | lag behind the landmarks on the raise and the swing down | added by filtering (max of 6 crossings) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) {
    const lags = SWEEPS.map(([a, b]) => crossCorrelationLag(reference, r.signal, a, b));
    const added = r.added ? fmt(Math.max(...sweepLags(raw, r.signal, [[38, 46], [54, 60]])), 2) : '—';
    console.log(`| ${r.name} | ${fmt(jitter(r.signal, STILL), 3)}° | ${fmt(lags.reduce((s, x) => s + x, 0) / lags.length, 2)} frames | ${added} frames |`);
  }
  console.log(`jitter cut by rigcast's filters: ${fmt(jitter(raw, STILL) / jitter(rows[0].signal, STILL), 1)}×\n`);
}
