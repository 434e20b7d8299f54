import { expect } from 'vitest';
import { quatAngleBetween } from '../quaternion';

/** The default tolerance of {@link toBeCloseToQuaternion}, in degrees. */
export const DEFAULT_QUATERNION_TOLERANCE_DEG = 1e-3;

const DEG = Math.PI / 180;

function isQuaternion(value: unknown): value is ArrayLike<number> {
  if (value === null || typeof value !== 'object' || !('length' in value)) return false;
  const q = value as ArrayLike<unknown>;
  return q.length === 4 && [0, 1, 2, 3].every((i) => typeof q[i] === 'number' && Number.isFinite(q[i] as number));
}

function show(q: ArrayLike<number>): string {
  return `[${Array.from(q, (v) => v.toFixed(5)).join(', ')}]`;
}

/**
 * Passes when `received` is the same rotation as `expected` within `toleranceDeg` degrees
 * (`q` and `−q` are the same rotation), and reports the angle between them when it is not.
 * Also fails on anything that is not four finite numbers of unit length (±1e-6).
 * @example
 * import '@rigcast/math/testing';
 * expect(solved).toBeCloseToQuaternion(truth, 0.5);
 */
export function toBeCloseToQuaternion(
  received: unknown,
  expected: ArrayLike<number>,
  toleranceDeg = DEFAULT_QUATERNION_TOLERANCE_DEG,
): { pass: boolean; message: () => string } {
  if (!isQuaternion(received)) {
    return { pass: false, message: () => `expected a quaternion of four finite numbers, received ${String(received)}` };
  }
  const length = Math.hypot(received[0], received[1], received[2], received[3]);
  if (Math.abs(length - 1) > 1e-6) {
    return { pass: false, message: () => `expected a unit quaternion, received ${show(received)} of length ${length}` };
  }
  const angleDeg = quatAngleBetween(received, expected) / DEG;
  const pass = angleDeg <= toleranceDeg;
  return {
    pass,
    message: () =>
      pass
        ? `expected ${show(received)} not to be within ${toleranceDeg}° of ${show(expected)} (it is ${angleDeg.toFixed(4)}° away)`
        : `expected ${show(received)} to be within ${toleranceDeg}° of ${show(expected)}, but it is ${angleDeg.toFixed(4)}° away`,
  };
}

expect.extend({ toBeCloseToQuaternion });

interface QuaternionMatchers<R = unknown> {
  /** Same rotation within `toleranceDeg` degrees (default {@link DEFAULT_QUATERNION_TOLERANCE_DEG}); `q` ≡ `−q`. */
  toBeCloseToQuaternion(expected: ArrayLike<number>, toleranceDeg?: number): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends QuaternionMatchers<T> {}
}
