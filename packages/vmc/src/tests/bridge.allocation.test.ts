import { ARKIT_BLENDSHAPE_NAMES, HUMANOID_BONE_NAMES, RIG_EXPRESSION_NAMES, createDecodeTarget, createNeutralFace, decodeFrameInto, encodeFrame } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { bytesPerCall } from '../../../../test/support/allocation';
import { VmcFrameAssembler } from '../in/VmcFrameAssembler';
import { VmcFrameWriter } from '../out/VmcFrameWriter';
import { UNITY_BONE_NAMES } from '../vmc/UnityBoneName';
import { APPLY, blendVal, bonePos, bundles } from './support/buildVmc';
import { axisAngle } from './support/vmcCycles';

/** Few enough calls that no collection runs inside a measurement. */
const CALLS = 300;
/**
 * Cycles run before measuring, on top of bytesPerCall's own warm-up: a cycle is some 110 messages,
 * and on a loaded machine the optimizing compiler may not have reached all of their code sooner.
 */
const EXTRA_WARM_UP = 10_000;
/** A few boxed numbers V8 may leave in the JIT's code (16 B each); one message object or copied datagram would be kilobytes. */
const FEW_BOXED_NUMBERS = 8 * 16;

/** 32 different cycles of all 55 bones, 52 ARKit weights (no presets: they are derived) and Apply, each as the bundles a sender sends. */
const CYCLES = Array.from({ length: 32 }, (_, k) =>
  bundles([
    ...HUMANOID_BONE_NAMES.map((bone, i) => bonePos(UNITY_BONE_NAMES[bone], axisAngle([0, 1, 0], k + i))),
    ...ARKIT_BLENDSHAPE_NAMES.map((name, i) => blendVal(name, ((k + i) % 10) / 10 + 0.05)),
    APPLY,
  ]),
);

describe('the per-frame paths build no objects', { timeout: 60_000 }, () => {
  it('VmcFrameAssembler: reading a cycle\'s datagrams and assembling its frame costs no more than writing the frame\'s weights', async () => {
    // Storing a fractional number into a FaceRig's records boxes it (16 B): that is the price of the
    // output format, paid by anything that fills a FaceRig (FaceSolver's allocation test says the same).
    const face = createNeutralFace();
    const writeWeights = (i: number): void => {
      for (let k = 0; k < ARKIT_BLENDSHAPE_NAMES.length; k++) face.blendshapes[ARKIT_BLENDSHAPE_NAMES[k]] = ((i + k) % 97) / 97 + 1e-3;
      for (let k = 0; k < RIG_EXPRESSION_NAMES.length; k++) face.expressions[RIG_EXPRESSION_NAMES[k]] = ((i + k) % 89) / 89 + 1e-3;
    };
    const assembler = new VmcFrameAssembler();
    let frames = 0;
    const onFrame = (): void => void frames++;
    const assemble = (i: number): void => {
      const datagrams = CYCLES[i % CYCLES.length];
      // One cycle every 16 ms of the sender's clock.
      for (let d = 0; d < datagrams.length; d++) assembler.receive(datagrams[d], i * 16, onFrame);
    };
    const baseline = await bytesPerCall(writeWeights, CALLS);
    for (let i = 0; i < EXTRA_WARM_UP; i++) assemble(i);
    const bytes = await bytesPerCall(assemble, CALLS);
    console.log(`assembler: ${bytes.toFixed(0)} B per cycle of ${CYCLES[0].length} datagrams; writing a FaceRig's 65 weights alone ${baseline.toFixed(0)} B`);
    expect(frames).toBeGreaterThan(CALLS);
    expect(bytes - baseline, `${bytes.toFixed(0)} B against ${baseline.toFixed(0)} B`).toBeLessThan(FEW_BOXED_NUMBERS);
  });

  it('VmcFrameWriter: decoding a face + 55 bones frame into one target and writing its cycle allocates nothing', async () => {
    const encoded: Uint8Array[] = [];
    const assembler = new VmcFrameAssembler();
    CYCLES.forEach((datagrams, i) => datagrams.forEach((d) => assembler.receive(d, i * 16, (frame) => encoded.push(encodeFrame(frame)))));
    const target = createDecodeTarget();
    const writer = new VmcFrameWriter();
    const bytes = await bytesPerCall((i) => writer.write(decodeFrameInto(encoded[i % encoded.length], target), i / 60), CALLS);
    console.log(`writer: ${bytes.toFixed(0)} B per frame of ${writer.write(decodeFrameInto(encoded[0], target), 0)} datagrams, decoding included`);
    expect(bytes).toBeLessThan(FEW_BOXED_NUMBERS);
  });
});
