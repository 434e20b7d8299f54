/**
 * Face solver benchmark: per-frame cost of FaceSolver.solve (solve + filter) over the recorded
 * selfie fixture, against kalidokit's Face.solve on the same landmarks, plus each one's jitter at
 * rest and lag on the roll sweeps.
 *
 *   pnpm bench:solver            (SOLVER_BENCH_PASSES=200 for more passes; default 100)
 *
 * Then the hands (handBench.ts): HandSolver.solve against kalidokit's Hand.solve.
 */
import { createNeutralFace } from '@rigcast/protocol';
import { Face } from 'kalidokit/dist/kalidokit.es.js';
import { FaceSolver } from '../src/face/FaceSolver';
import { FaceLandmarkIndex } from '../src/face/FaceLandmarkIndex';
import type { NormalizedLandmarkLike } from '../src/face/FaceLandmarkerResultLike';
import { ROLL_SWEEPS, STILL_FRAMES, jitter, std, sweepLags } from '../src/face/tests/jitterAndLag';
import type { FaceFixture } from '../src/fixture/FaceFixture';
import { crossCorrelationLag, time } from './benchTools';
import { SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH, loadFaceFixture } from '../src/fixture/loadFaceFixture';
import { quatToHeadAngles } from '@rigcast/math';
import { benchHands } from './handBench';

const PASSES = Number(process.env.SOLVER_BENCH_PASSES ?? 100);
const CALIBRATE_AFTER = 16;
const DEG = 180 / Math.PI;
const TARGET_US = 100;

/** Roll per frame (degrees, RigFrame convention, mirror on) from our solver. */
function rigcastRoll(fixture: FaceFixture, smoothing: number): number[] {
  const solver = new FaceSolver({ smoothing });
  const face = createNeutralFace();
  const angles = { yaw: 0, pitch: 0, roll: 0 };
  return fixture.frames.map((f) => {
    solver.solve(f.result, f.timeMs, fixture.width, fixture.height, face);
    if (f.index === CALIBRATE_AFTER) solver.calibrate();
    return quatToHeadAngles(angles, face.head).roll * DEG;
  });
}

const copyLandmarks = (landmarks: readonly NormalizedLandmarkLike[]) => landmarks.map((p) => ({ x: p.x, y: p.y, z: p.z }));

/** Roll per frame (degrees) from kalidokit, signed like ours (it reports the opposite sign). */
function kalidokitRoll(fixture: FaceFixture): number[] {
  return fixture.frames.map((f) => {
    const rig = Face.solve(copyLandmarks(f.result.faceLandmarks[0]), { runtime: 'mediapipe', imageSize: { width: fixture.width, height: fixture.height } });
    return -(rig?.head.degrees.z ?? Number.NaN);
  });
}

function eyeLine(fixture: FaceFixture): number[] {
  return fixture.frames.map((f) => {
    const a = f.result.faceLandmarks[0][FaceLandmarkIndex.RightEyeOuterCorner];
    const b = f.result.faceLandmarks[0][FaceLandmarkIndex.LeftEyeOuterCorner];
    return Math.atan2((b.y - a.y) * fixture.height, (b.x - a.x) * fixture.width) * DEG;
  });
}

function quality(fixture: FaceFixture) {
  const reference = eyeLine(fixture);
  const filtered = rigcastRoll(fixture, 0.5);
  const raw = rigcastRoll(fixture, 0);
  const rows = [
    { name: 'rigcast FaceSolver (smoothing 0.5)', roll: filtered, added: sweepLags(raw, filtered) },
    { name: 'rigcast FaceSolver (smoothing 0, raw)', roll: raw, added: [0] },
    { name: 'kalidokit Face.solve', roll: kalidokitRoll(fixture), added: [0] },
  ];
  return rows.map((r) => {
    const lags = ROLL_SWEEPS.map(([a, b]) => crossCorrelationLag(reference, r.roll, a, b));
    return {
      name: r.name,
      std: std(r.roll, STILL_FRAMES),
      jitter: jitter(r.roll, STILL_FRAMES),
      lag: lags.reduce((sum, x) => sum + x, 0) / lags.length,
      addedLag: Math.max(...r.added),
    };
  });
}

const video = loadFaceFixture();
const image = loadFaceFixture(SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH);
console.log(`rigcast solver benchmark — ${video.frames.length} frames of selfie.mp4 (${video.width}×${video.height}), ${PASSES} passes, Node ${process.version}\n`);

// Cost. Ours: solve + every filter into one reused FaceRig. kalidokit mutates the landmarks it
// is given, so each call gets a fresh copy, made outside the timed region.
const solver = new FaceSolver();
const face = createNeutralFace();
const ours = time(video, PASSES, () => {}, (i, timeMs) => {
  solver.solve(video.frames[i].result, timeMs, video.width, video.height, face);
});
let copy: NormalizedLandmarkLike[] = [];
const imageSize = { width: video.width, height: video.height };
const kalido = time(video, Math.max(1, Math.round(PASSES / 4)), (i) => {
  copy = copyLandmarks(video.frames[i].result.faceLandmarks[0]);
}, () => {
  Face.solve(copy, { runtime: 'mediapipe', imageSize });
});

const fmt = (v: number, digits = 1) => v.toFixed(digits);
console.log('| solver | mean µs/frame | p50 µs | p99 µs |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| rigcast FaceSolver.solve (solve + filters) | ${fmt(ours.mean)} | ${fmt(ours.p50)} | ${fmt(ours.p99)} |`);
console.log(`| kalidokit Face.solve (no filtering) | ${fmt(kalido.mean)} | ${fmt(kalido.p50)} | ${fmt(kalido.p99)} |`);
console.log(
  `\ncost ratio rigcast ÷ kalidokit: ${fmt(ours.mean / kalido.mean, 2)}× (mean), ${fmt(ours.p50 / kalido.p50, 2)}× (p50) — rigcast also filters every channel, remaps blinks and passes 51 shapes through; kalidokit needs a copy of the landmarks per call (not timed) because it scales them in place.`,
);
console.log(`target ≤ ${TARGET_US} µs per frame (mean): ${ours.mean <= TARGET_US ? 'met' : 'NOT met'} (${fmt(ours.mean)} µs).\n`);

for (const [label, fixture] of [['VIDEO mode (what the tracker gets; MediaPipe already smooths)', video], ['IMAGE mode (raw per-frame detections)', image]] as const) {
  const rows = quality(fixture);
  console.log(`Head roll on ${label}:`);
  console.log('| solver | std of roll, 270–324 | jitter (RMS 2nd difference), 270–324 | lag behind the eye line on the 4 roll sweeps | added by filtering (max of 12 crossings) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.name} | ${fmt(r.std, 2)}° | ${fmt(r.jitter, 3)}° | ${fmt(r.lag, 2)} frames | ${fmt(r.addedLag, 2)} frames |`);
  }
  const k = rows[2];
  const o = rows[0];
  console.log(`kalidokit ÷ rigcast (smoothing 0.5): std ${fmt(k.std / o.std, 2)}×, jitter ${fmt(k.jitter / o.jitter, 1)}×; rigcast lags kalidokit by ${fmt(o.lag - k.lag, 2)} frames\n`);
}

benchHands(PASSES);
