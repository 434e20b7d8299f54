// Measures heap allocation of a hot path in Node, for the allocation tests of the packages.
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** V8's collector, callable once `--expose-gc` is set. */
export const gc = runInNewContext('gc') as () => void;

/** Calls of `step` before measuring, so that the JIT and inline caches have settled. */
export const WARM_UP_CALLS = 5000;

/** Measurements {@link bytesPerCall} takes; it reports the lowest. */
const MEASUREMENTS = 3;

/**
 * Heap bytes allocated per call of `step(i)` over `calls` calls (after {@link WARM_UP_CALLS}
 * warm-up calls), the lowest of {@link MEASUREMENTS} runs: on a busy machine the optimizing
 * compiler can finish late, and the calls it has not reached yet allocate in the interpreter. Code
 * that allocates on every call shows it in every run. Throws when a GC ran during a measurement,
 * which would make the figure wrong.
 */
export async function bytesPerCall(step: (i: number) => void, calls: number): Promise<number> {
  for (let i = 0; i < WARM_UP_CALLS; i++) step(i);
  let lowest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < MEASUREMENTS; run++) {
    lowest = Math.min(lowest, await measureOnce(step, calls, WARM_UP_CALLS + run * calls));
  }
  return lowest;
}

async function measureOnce(step: (i: number) => void, calls: number, first: number): Promise<number> {
  let gcRuns = 0;
  const observer = new PerformanceObserver((list) => {
    gcRuns += list.getEntries().length;
  });
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i++) step(first + i);
  const bytes = (process.memoryUsage().heapUsed - before) / calls;
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  if (gcRuns > 0) throw new Error(`${gcRuns} GC runs during the measurement: use fewer calls`);
  return bytes;
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
