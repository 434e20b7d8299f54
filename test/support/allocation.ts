// Measures heap allocation of a hot path in Node, for the allocation tests of the packages.
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's collector, callable once `--expose-gc` is set. */
export const gc = runInNewContext('gc') as () => void;

/** Calls of `step` before measuring, so that the JIT and inline caches have settled. */
export const WARM_UP_CALLS = 5000;

/** Measurements {@link bytesPerCall} takes; it reports the lowest clean one. */
const MEASUREMENTS = 8;

/**
 * Heap bytes allocated per call of `step(i)` over `calls` calls (after {@link WARM_UP_CALLS}
 * warm-up calls), the lowest of {@link MEASUREMENTS} runs: on a busy machine the optimizing
 * compiler, which works on a background thread, can finish long after the warm-up, and the calls
 * it has not reached yet allocate in the interpreter. Code that allocates on every call shows it
 * in every run. A run during which the collector ran (from this code or anything else in the
 * process) is wrong and does not count; throws when no run was clean.
 */
export async function bytesPerCall(step: (i: number) => void, calls: number): Promise<number> {
  for (let i = 0; i < WARM_UP_CALLS; i++) step(i);
  const clean: number[] = [];
  let gcRuns = 0;
  for (let attempt = 0; attempt < MEASUREMENTS; attempt++) {
    const { bytes, collections } = await measureOnce(step, calls, WARM_UP_CALLS + attempt * calls);
    if (collections === 0) clean.push(bytes);
    gcRuns += collections;
  }
  if (clean.length === 0) throw new Error(`${gcRuns} GC runs during ${MEASUREMENTS} measurements: use fewer calls`);
  return Math.min(...clean);
}

async function measureOnce(step: (i: number) => void, calls: number, first: number): Promise<{ bytes: number; collections: number }> {
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i++) step(first + i);
  const bytes = (process.memoryUsage().heapUsed - before) / calls;
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { bytes, collections };
}

/** Heap bytes still held after `calls` calls of `step(i)` and a full GC (after a warm-up and a GC). */
export function retainedBytes(step: (i: number) => void, calls: number): number {
  for (let i = 0; i < WARM_UP_CALLS; i++) step(i);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i++) step(WARM_UP_CALLS + i);
  gc();
  return process.memoryUsage().heapUsed - before;
}

/**
 * Capture times (ms) as a webcam delivers them, for the solvers' allocation tests: fractional,
 * jittered steps. The {@link WARM_UP_CALLS} warm-up sees steps of 21–45 ms (30 fps ± 12 ms); after
 * it, each measured run of `measuredCalls` calls sees a range of longer steps no earlier call saw
 * (46–66 ms, then 66–86 ms, … up to 206 ms: a slower camera, dropped frames), so whatever a solver
 * works out lazily for a new time step is paid inside every measurement.
 */
export function captureTimes(count: number, seed: number, measuredCalls: number): Float64Array {
  const frameMs = 1000 / 30;
  const times = new Float64Array(count);
  for (let i = 1, state = seed; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const random = state / 2 ** 32;
    const run = Math.min(7, Math.floor((i - WARM_UP_CALLS - 1) / measuredCalls));
    times[i] = times[i - 1] + (i <= WARM_UP_CALLS ? frameMs + random * 24 - 12 : 46 + 20 * run + random * 20);
  }
  return times;
}
