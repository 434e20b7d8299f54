/**
 * Hand solver benchmark: per-frame cost of HandSolver.solve (fit + filters + lifecycle, both
 * hands) over the two recorded hand clips, against kalidokit's Hand.solve on the same frames.
 * Run from solver-bench.ts (`pnpm bench:solver`).
 */
import { addHandBones } from '../src/hands/addHandBones';
import { createEmptyBody, type Quat } from '@rigcast/protocol';
import { Hand } from 'kalidokit/dist/kalidokit.es.js';
import type { HandFixtureFrame } from '../src/fixture/HandFixture';
import { OPEN_HAND_FIXTURE_PATH, THUMBS_UP_HAND_FIXTURE_PATH, loadHandFixture } from '../src/fixture/loadHandFixture';
import type { ArmChainLike } from '../src/hands/ArmChainLike';
import { HandSolver } from '../src/hands/HandSolver';

interface Timing {
  mean: number;
  p50: number;
  p99: number;
}

function summarize(samplesNs: Float64Array): Timing {
  const sorted = Float64Array.from(samplesNs).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000;
  return { mean: sum / sorted.length / 1000, p50: at(0.5), p99: at(0.99) };
}

/** Times `step(frame, timeMs)` per frame over `passes` passes after one warm-up pass; `prepare` runs outside the timing. */
function time(frames: readonly HandFixtureFrame[], passes: number, frameMs: number, prepare: (f: HandFixtureFrame) => void, step: (f: HandFixtureFrame, timeMs: number) => void): Timing {
  const samples = new Float64Array(frames.length * passes);
  let t = 0;
  for (const f of frames) {
    prepare(f);
    step(f, (t += frameMs));
  }
  let k = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const f of frames) {
      prepare(f);
      const t0 = process.hrtime.bigint();
      step(f, (t += frameMs));
      samples[k++] = Number(process.hrtime.bigint() - t0);
    }
  }
  return summarize(samples);
}

/** Prints the hand benchmark. */
export function benchHands(passes: number): void {
  const clips = [loadHandFixture(THUMBS_UP_HAND_FIXTURE_PATH), loadHandFixture(OPEN_HAND_FIXTURE_PATH)];
  const frames = clips.flatMap((c) => c.frames);
  const withHand = frames.filter((f) => f.result.worldLandmarks.length > 0);
  const frameMs = 1000 / clips[0].fps;
  console.log(`Hands — ${frames.length} frames of arm-raise-thumbs-up.mp4 and hand.mp4 (${withHand.length} with a hand), ${passes} passes\n`);

  // Ours: everything a frame costs, into one reused BodyRig, with an arm chain and the pose's wrists.
  const solver = new HandSolver();
  const body = addHandBones(createEmptyBody());
  body.bones.leftLowerArm = [0, 0, 0, 1];
  body.bones.rightLowerArm = [0, 0, 0, 1];
  const lowerArm: Quat = [0, 0, -0.5, Math.sqrt(0.75)];
  const arms: ArmChainLike = {
    lowerArmWorld(_side, out) {
      out[0] = lowerArm[0]; out[1] = lowerArm[1]; out[2] = lowerArm[2]; out[3] = lowerArm[3];
      return true;
    },
  };
  const ours = time(withHand, passes, frameMs, () => {}, (f, t) => solver.solve(f.result, t, body, arms, f.poseWrists));

  // kalidokit: Hand.solve on each hand's normalized landmarks (what its demo passes), copied
  // outside the timed region since it may change what it is given.
  let copies: { x: number; y: number; z: number }[][] = [];
  const kalido = time(withHand, Math.max(1, Math.round(passes / 2)), frameMs, (f) => {
    copies = f.result.landmarks.map((points) => points.map((p) => ({ x: p.x, y: p.y, z: p.z })));
  }, (f) => {
    for (let h = 0; h < copies.length; h++) Hand.solve(copies[h], f.result.handedness[h][0].categoryName === 'Left' ? 'Right' : 'Left');
  });

  const fmt = (v: number) => v.toFixed(1);
  console.log('| solver (frames with a hand) | mean µs/frame | p50 µs | p99 µs |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| rigcast HandSolver.solve (fit, wrist, filters, lifecycle, both sides) | ${fmt(ours.mean)} | ${fmt(ours.p50)} | ${fmt(ours.p99)} |`);
  console.log(`| kalidokit Hand.solve (per hand, no filtering) | ${fmt(kalido.mean)} | ${fmt(kalido.p50)} | ${fmt(kalido.p99)} |`);
  console.log(
    `\ncost ratio rigcast ÷ kalidokit: ${(ours.mean / kalido.mean).toFixed(2)}× (mean), ${(ours.p50 / kalido.p50).toFixed(2)}× (p50) — rigcast fits all 21 landmarks with bone lengths and joint limits (Gauss–Newton, 26 unknowns), filters every channel and runs the hold/ease lifecycle; kalidokit reads one angle per bone.\n`,
  );
}
