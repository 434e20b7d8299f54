/**
 * How the allocation tests measure what a per-frame call allocates: heap bytes per call after a
 * warm-up, with the garbage collector exposed and watched. Test support only.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full garbage collection. */
export const gc = runInNewContext('gc') as () => void;

/** Calls made before measuring, so the JIT and inline caches have settled. */
export const WARM_UP_CALLS = 5000;

/**
 * Capture times as a webcam delivers them, `count` of them: fractional, jittered steps. The
 * warm-up sees steps of 30 fps ± 12 ms; after it, steps of 46–110 ms (a slower camera, dropped
 * frames), so whatever a solver works out lazily for a time step it has not seen is paid inside
 * the measurement.
 */
export function jitteredTimes(count: number, seed: number): Float64Array {
  const frameMs = 1000 / 30;
  const times = new Float64Array(count);
  for (let i = 1, state = seed; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const random = state / 2 ** 32;
    times[i] = times[i - 1] + (i <= WARM_UP_CALLS ? frameMs + random * 24 - 12 : 46 + random * 64);
  }
  return times;
}

/** Heap bytes allocated per call of `step(i)` over `calls` calls; throws if a GC ran meanwhile (the figure would be wrong). */
export async function bytesPerCall(step: (i: number) => void, calls: number): Promise<number> {
  for (let i = 0; i < WARM_UP_CALLS; i++) step(i);
  let gcRuns = 0;
  const observer = new PerformanceObserver((list) => {
    gcRuns += list.getEntries().length;
  });
  gc();
  await new Promise((r) => setTimeout(r, 20));
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i++) step(WARM_UP_CALLS + i);
  const bytes = (process.memoryUsage().heapUsed - before) / calls;
  await new Promise((r) => setTimeout(r, 20));
  observer.disconnect();
  if (gcRuns > 0) throw new Error(`${gcRuns} GC runs during the measurement: use fewer calls`);
  return bytes;
}

/** Heap bytes still held after `calls` calls of `step(i)` (after the warm-up) and a full GC. */
export function bytesRetainedAfter(step: (i: number) => void, calls: number): number {
  for (let i = 0; i < WARM_UP_CALLS; i++) step(i);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i++) step(WARM_UP_CALLS + i);
  gc();
  return process.memoryUsage().heapUsed - before;
}
