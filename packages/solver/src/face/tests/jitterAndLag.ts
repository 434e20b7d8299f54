import { frameRange, type FixtureReplay } from './replayFixture';

/** The still, near-frontal stretch of the selfie clip. */
export const STILL_FRAMES = frameRange(270, 324);

/**
 * The four roll sweeps of the selfie clip: into and out of the lean to the subject's left
 * (66–100) and into and out of the lean to the right (140–170).
 */
export const ROLL_SWEEPS: readonly (readonly [number, number])[] = [[30, 66], [96, 125], [125, 150], [165, 200]];

/**
 * Jitter: the RMS of the second difference `x[i+1] − 2x[i] + x[i−1]` over `frames`. It measures
 * frame-to-frame shake and ignores any motion at locally constant speed, such as the slow
 * 0.5–2° drift the subject really makes in the "still" frames (which a plain standard deviation
 * would count as jitter).
 */
export function jitter(values: readonly number[], frames: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const i of frames) {
    if (values[i - 1] === undefined || values[i + 1] === undefined) continue;
    sum += (values[i + 1] - 2 * values[i] + values[i - 1]) ** 2;
    n++;
  }
  return Math.sqrt(sum / n);
}

/** Standard deviation over `frames`. */
export function std(values: readonly number[], frames: readonly number[]): number {
  const xs = frames.map((f) => values[f]);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
}

/** The fractional frame at which `values` first crosses `level` in `[from, to]`, or NaN. */
function crossing(values: readonly number[], from: number, to: number, level: number, rising: boolean): number {
  for (let i = from + 1; i <= to; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (rising ? a < level && b >= level : a > level && b <= level) return i - 1 + (level - a) / (b - a);
  }
  return Number.NaN;
}

/**
 * Added lag in frames of `filtered` behind `raw` on each sweep: the delay between their crossings
 * of 25 %, 50 % and 75 % of the sweep (from its first frame to its extreme in `raw`).
 */
export function sweepLags(raw: readonly number[], filtered: readonly number[], sweeps = ROLL_SWEEPS): number[] {
  const lags: number[] = [];
  for (const [a, b] of sweeps) {
    const start = raw[a];
    let peak = start;
    for (let i = a; i <= b; i++) if (Math.abs(raw[i] - start) > Math.abs(peak - start)) peak = raw[i];
    for (const fraction of [0.25, 0.5, 0.75]) {
      const level = start + (peak - start) * fraction;
      const rising = peak > start;
      lags.push(crossing(filtered, a, b, level, rising) - crossing(raw, a, b, level, rising));
    }
  }
  return lags;
}

/** Jitter ratios raw ÷ filtered for head roll, yaw, pitch and position x, y, z on the still frames. */
export function jitterRatios(raw: FixtureReplay, filtered: FixtureReplay, frames = STILL_FRAMES): Record<string, number> {
  const axis = (r: FixtureReplay, k: number) => r.position.map((p) => p[k]);
  return {
    roll: jitter(raw.roll, frames) / jitter(filtered.roll, frames),
    yaw: jitter(raw.yaw, frames) / jitter(filtered.yaw, frames),
    pitch: jitter(raw.pitch, frames) / jitter(filtered.pitch, frames),
    x: jitter(axis(raw, 0), frames) / jitter(axis(filtered, 0), frames),
    y: jitter(axis(raw, 1), frames) / jitter(axis(filtered, 1), frames),
    z: jitter(axis(raw, 2), frames) / jitter(axis(filtered, 2), frames),
  };
}
