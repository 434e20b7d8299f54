/**
 * Codec benchmark: encode and decode cost, wire size against JSON, and the measured round-trip
 * error over random frames. Prints figures; it is not a pass/fail test.
 *   pnpm bench:protocol
 */
import {
  createDecodeTarget,
  createNeutralFrame,
  decodeFrame,
  decodeFrameInto,
  encodeFrame,
  frameFromJSON,
  frameToJSON,
  validateFrame,
  type Quat,
} from '../src/index';
import { mulberry32, randomFrame, randomQuat } from '../src/codec/tests/randomFrames';

const rand = mulberry32(1);

function timeIt(label: string, iterations: number, fn: () => void): number {
  for (let i = 0; i < 1000; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const perOpUs = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  console.log(`  ${label.padEnd(38)} ${perOpUs.toFixed(2).padStart(8)} µs/op`);
  return perOpUs;
}

function angleDeg(p: Quat, q: Quat): number {
  const dot = Math.abs(p[0] * q[0] + p[1] * q[1] + p[2] * q[2] + p[3] * q[3]);
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
}

let worst = 0;
for (let i = 0; i < 20000; i++) {
  const q = randomQuat(rand);
  const frame = createNeutralFrame(1, 1);
  frame.face!.head = q;
  worst = Math.max(worst, angleDeg(q, decodeFrame(encodeFrame(frame)).face!.head));
}
console.log(`rotation round-trip error over 20,000 random quaternions: max ${worst.toFixed(4)}° (bound 0.1°)`);

for (const bones of [0, 50]) {
  const frame = randomFrame(rand, bones);
  const bytes = encodeFrame(frame);
  const json = JSON.stringify(frameToJSON(frame));
  console.log(`\nface${bones ? ` + ${bones} bones` : ' only'}: binary ${bytes.byteLength} B, JSON ${json.length} B (${(json.length / bytes.byteLength).toFixed(1)}× larger)`);
  const binEncode = timeIt('encodeFrame', 50000, () => encodeFrame(frame));
  const binDecode = timeIt('decodeFrame (validates)', 50000, () => decodeFrame(bytes));
  const target = createDecodeTarget();
  const binDecodeInto = timeIt('decodeFrameInto a reused target', 50000, () => decodeFrameInto(bytes, target));
  const binValidate = timeIt('validateFrame (builds nothing)', 50000, () => validateFrame(bytes));
  const jsonEncode = timeIt('baseline: JSON.stringify', 50000, () => JSON.stringify(frame));
  const jsonDecode = timeIt('baseline: JSON.parse + frameFromJSON', 50000, () => frameFromJSON(JSON.parse(json)));
  console.log(`  ratio encode ${(jsonEncode / binEncode).toFixed(2)}×, decode ${(jsonDecode / binDecode).toFixed(2)}× (JSON time ÷ binary time)`);
  console.log(
    `  ratio decodeFrame ÷ decodeFrameInto ${(binDecode / binDecodeInto).toFixed(2)}×, decodeFrame ÷ validateFrame ${(binDecode / binValidate).toFixed(2)}×`,
  );
}
