/** What the solver benchmarks share: per-call timing over a recording, and lag against a reference signal. */

/** Per-call timing, µs. */
export interface Timing {
  mean: number;
  p50: number;
  p99: number;
}

function summarize(samplesNs: Float64Array, count: number): Timing {
  const sorted = Float64Array.from(samplesNs.subarray(0, count)).sort();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i];
  const at = (q: number) => sorted[Math.min(count - 1, Math.floor(q * count))] / 1000;
  return { mean: sum / count / 1000, p50: at(0.5), p99: at(0.99) };
}

/**
 * Per-call timing of `step(frame, timeMs)` over `passes` passes of a recording, after one
 * warm-up pass. Time keeps running across passes (as it would for a user), at the fixture's frame rate.
 */
export function time(fixture: { frames: readonly unknown[]; fps: number }, passes: number, prepare: (i: number) => void, step: (i: number, timeMs: number) => void): Timing {
  const n = fixture.frames.length;
  const frameMs = 1000 / fixture.fps;
  const samples = new Float64Array(n * passes);
  let frame = 0;
  for (let i = 0; i < n; i++, frame++) {
    prepare(i);
    step(i, frame * frameMs);
  }
  let k = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < n; i++, frame++) {
      prepare(i);
      const t0 = process.hrtime.bigint();
      step(i, frame * frameMs);
      samples[k++] = Number(process.hrtime.bigint() - t0);
    }
  }
  return summarize(samples, k);
}

/**
 * How many frames `signal` trails `reference` over `[from, to]`: the shift (in 0.05-frame steps,
 * linear interpolation) that best matches them once each has its own mean removed, so a constant
 * offset (calibration, a different landmark plane) does not count as lag.
 */
export function crossCorrelationLag(reference: readonly number[], signal: readonly number[], from: number, to: number): number {
  const MAX_SHIFT = 4;
  const STEP = 0.05;
  let bestLag = 0;
  let bestError = Number.POSITIVE_INFINITY;
  for (let lag = -MAX_SHIFT; lag <= MAX_SHIFT + 1e-9; lag += STEP) {
    const diffs: number[] = [];
    for (let i = from; i <= to; i++) {
      const t = i - lag;
      const i0 = Math.floor(t);
      if (i0 < 0 || i0 + 1 >= reference.length) continue;
      const shifted = reference[i0] + (reference[i0 + 1] - reference[i0]) * (t - i0);
      diffs.push(signal[i] - shifted);
    }
    const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    const error = diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / diffs.length;
    if (error < bestError) {
      bestError = error;
      bestLag = lag;
    }
  }
  return bestLag;
}
