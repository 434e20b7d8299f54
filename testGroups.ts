import { configDefaults } from 'vitest/config';

/**
 * Test files whose figures depend on having the machine to themselves: allocation measurements
 * (the optimizing compiler runs on a background thread) and timing bounds (a replay's p99, 60 Hz
 * for 30 s with no loss). They run in the `timing` project, one at a time, after everything else.
 */
export const TIMING_TEST_PATTERNS = ['**/*.allocation.test.ts', '**/*.timing.test.ts'];

/** What each package's own project leaves out: vitest's defaults, and the timing files. */
export const UNIT_TEST_EXCLUDE = [...configDefaults.exclude, ...TIMING_TEST_PATTERNS];

/**
 * The order projects run in (vitest's `sequence.groupOrder`): unit and integration projects in
 * parallel first, then the browser tests, then the timing files, then the cluster's process kills,
 * each group alone.
 */
export const TestGroup = { Unit: 0, Browser: 1, Timing: 2, Cluster: 3 } as const;
