import { createNeutralFace, type FaceRig } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { WARM_UP_CALLS, bytesPerCall, captureTimes, gc } from '../../../../../test/support/allocation';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import { FaceSolver } from '../FaceSolver';
import { FaceStateLayout, createFaceState, writeFaceRig } from '../FaceState';

const fixture = loadFaceFixture();
const MEASURED_CALLS = 1000;
const times = captureTimes(30_000, 7, MEASURED_CALLS);

function solveInto(face: FaceRig, smoothing = 0.5): (i: number) => void {
  const solver = new FaceSolver({ smoothing });
  const frames = fixture.frames;
  return (i) => {
    solver.solve(frames[i % frames.length].result, times[i], fixture.width, fixture.height, face);
  };
}

describe('FaceSolver per-frame allocation', () => {
  it('creates no objects or arrays per frame: it allocates no more than writing its output costs', async () => {
    // Storing a fractional number into a FaceRig's records boxes it (16 bytes): createNeutralFace()
    // builds them key by key, which leaves them in V8's dictionary mode. That is the price of the
    // output format, paid by anything that fills a FaceRig, so it is measured as the baseline.
    const state = createFaceState();
    const written = createNeutralFace();
    const writeOnly = (i: number): void => {
      for (let k = FaceStateLayout.Blendshapes; k < FaceStateLayout.Size; k++) state[k] = ((i + k) % 97) / 97 + 1e-3;
      writeFaceRig(written, state);
    };
    const baseline = await bytesPerCall(writeOnly, MEASURED_CALLS);
    const solve = await bytesPerCall(solveInto(createNeutralFace()), MEASURED_CALLS);
    // Smoothing 0 switches the Kalman position filter off: it must cost nothing then either.
    const unfiltered = await bytesPerCall(solveInto(createNeutralFace(), 0), MEASURED_CALLS);
    console.log(`per frame (jittered steps): solve ${solve.toFixed(0)} B, unfiltered ${unfiltered.toFixed(0)} B, writing a FaceRig alone ${baseline.toFixed(0)} B`);
    // Beyond the output, at most a few boxed numbers (< 8 × 16 B) that V8 may leave in the JIT's
    // code; one copied landmark array, blendshape list or FaceRig would be kilobytes, and a
    // Kalman gain solved by kalman-filter for a new time step hundreds of bytes.
    expect(solve - baseline).toBeLessThan(128);
    expect(unfiltered - baseline).toBeLessThan(128);
  });

  it('retains nothing: the heap after 10,000 solves and a GC is where it started', () => {
    const step = solveInto(createNeutralFace());
    for (let i = 0; i < WARM_UP_CALLS; i++) step(i);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 10_000; i++) step(WARM_UP_CALLS + i);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    console.log(`retained after 10,000 solves: ${growth} B`);
    // JIT code and feedback may settle a few kilobytes; keeping even one boxed number per frame
    // would retain ≥ 160 KB.
    expect(growth).toBeLessThan(64 * 1024);
  });
});
