/**
 * Codec benchmark: encode and decode cost, wire size against JSON, and the measured round-trip
 * error over random frames. Prints figures; it is not a pass/fail test.
 *   pnpm bench:protocol
 */
import {
  ARKIT_BLENDSHAPE_NAMES,
  HUMANOID_BONE_NAMES,
  RIG_EXPRESSION_NAMES,
  createEmptyBody,
  createNeutralFrame,
  decodeFrame,
  encodeFrame,
  frameFromJSON,
  frameToJSON,
  type Quat,
  type RigFrame,
} from '../src/index';

function randomQuat(): Quat {
  const u1 = Math.random(), u2 = Math.random() * 2 * Math.PI, u3 = Math.random() * 2 * Math.PI;
  const a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
  return [a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3)];
}

function sampleFrame(bones: number): RigFrame {
  const frame = createNeutralFrame(123, Date.now());
  const face = frame.face!;
  face.head = randomQuat();
  face.headPosition = [0.01, -0.02, 0.03];
  for (const name of ARKIT_BLENDSHAPE_NAMES) face.blendshapes[name] = Math.random();
  for (const name of RIG_EXPRESSION_NAMES) face.expressions[name] = Math.random();
  if (bones > 0) {
    frame.body = createEmptyBody();
    for (const name of HUMANOID_BONE_NAMES.slice(0, bones)) frame.body.bones[name] = randomQuat();
  }
  return frame;
}

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
  const q = randomQuat();
  const frame = createNeutralFrame(1, 1);
  frame.face!.head = q;
  worst = Math.max(worst, angleDeg(q, decodeFrame(encodeFrame(frame)).face!.head));
}
console.log(`rotation round-trip error over 20,000 random quaternions: max ${worst.toFixed(4)}° (bound 0.1°)`);

for (const bones of [0, 50]) {
  const frame = sampleFrame(bones);
  const bytes = encodeFrame(frame);
  const json = JSON.stringify(frameToJSON(frame));
  console.log(`\nface${bones ? ` + ${bones} bones` : ' only'}: binary ${bytes.byteLength} B, JSON ${json.length} B (${(json.length / bytes.byteLength).toFixed(1)}× larger)`);
  const binEncode = timeIt('encodeFrame', 50000, () => encodeFrame(frame));
  const binDecode = timeIt('decodeFrame (validates)', 50000, () => decodeFrame(bytes));
  const jsonEncode = timeIt('baseline: JSON.stringify', 50000, () => JSON.stringify(frame));
  const jsonDecode = timeIt('baseline: JSON.parse + frameFromJSON', 50000, () => frameFromJSON(JSON.parse(json)));
  console.log(`  ratio encode ${(jsonEncode / binEncode).toFixed(2)}×, decode ${(jsonDecode / binDecode).toFixed(2)}× (JSON time ÷ binary time)`);
}
