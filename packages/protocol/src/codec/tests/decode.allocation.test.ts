import { describe, expect, it } from 'vitest';
import { bytesPerCall, retainedBytes } from '../../../../../test/support/allocation';
import { createDecodeTarget, decodeFrame, decodeFrameInto, encodeFrame, validateFrame } from '../../index';
import { mulberry32, randomFrame } from './randomFrames';

/** Enough calls that a late JIT compilation (a few tens of kilobytes, once) is under 8 bytes a call. */
const CALLS = 20_000;

/** 64 different valid frames with 0, 12 and 55 bones, so that every field changes from call to call. */
function frames(boneCount: number): Uint8Array[] {
  const rand = mulberry32(boneCount + 1);
  return Array.from({ length: 64 }, () => encodeFrame(randomFrame(rand, boneCount)));
}

// Timed runs of thousands of frames, on a shared machine: generous timeouts.
describe.each([0, 12, 55])('decoding a frame with a face and %i bones', { timeout: 60_000 }, (boneCount) => {
  const inputs = frames(boneCount);
  const at = (i: number) => inputs[i % inputs.length];

  it('decodeFrameInto and validateFrame allocate nothing per frame; decodeFrame builds the frame', async () => {
    const target = createDecodeTarget();
    const into = await bytesPerCall((i) => decodeFrameInto(at(i), target), CALLS);
    const validate = await bytesPerCall((i) => validateFrame(at(i)), CALLS);
    // Few calls: a rebuilt frame is kilobytes, and a scavenge inside a measurement voids it.
    const fresh = await bytesPerCall((i) => decodeFrame(at(i)), 10);
    console.log(`${boneCount} bones, bytes per frame: decodeFrameInto ${into.toFixed(1)}, validateFrame ${validate.toFixed(1)}, decodeFrame ${fresh.toFixed(0)}`);
    // One boxed number or one DataView per frame would be ≥ 16 B; a rebuilt frame is kilobytes.
    expect(into).toBeLessThan(16);
    expect(validate).toBeLessThan(16);
    expect(fresh).toBeGreaterThan(1000);
  });

  it('retains nothing: the heap after 20,000 decodes into one target and a GC is where it started', () => {
    const target = createDecodeTarget();
    const growth = retainedBytes((i) => decodeFrameInto(at(i), target), 20_000);
    console.log(`${boneCount} bones, retained after 20,000 decodes: ${growth} B`);
    expect(growth).toBeLessThan(64 * 1024);
  });
});
