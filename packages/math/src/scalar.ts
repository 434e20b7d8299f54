/** Radians per degree. */
export const DEG = Math.PI / 180;

/** `value` limited to `[min, max]`. */
export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** `value` limited to `[0, 1]` (three-vrm calls this `saturate`). */
export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** `a` at `t` = 0, `b` at `t` = 1, unclamped. */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** A linear ramp: 0 at or below `from`, 1 at or beyond `to` (either order). */
export function ramp(value: number, from: number, to: number): number {
  return clamp01((value - from) / (to - from));
}

/** Hermite ease of `t` clamped to `[0, 1]`: starts and ends with zero slope, so blends never snap. */
export function smoothstep01(t: number): number {
  const x = clamp01(t);
  return x * x * (3 - 2 * x);
}
