import { defineConfig } from 'vitest/config';
import { vitestFromSource } from './sourceConditions.ts';
import { TIMING_TEST_PATTERNS, TestGroup } from './testGroups.ts';

// Each package and app owns its vitest.config.ts; the root runs them all as projects. Two cores:
// at most two test files at once. The groups run one after another (see TestGroup): unit and
// integration projects in parallel, then the browser tests one at a time, then the files whose
// figures need a quiet machine (allocation, timing), then the cluster's process kills.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      'packages/*/vitest.config.ts',
      'packages/hub/vitest.public-relay.config.ts',
      'apps/*/vitest.config.ts',
      'test/vitest.config.ts',
      'test/cluster/vitest.config.ts',
      {
        ...vitestFromSource,
        test: {
          name: 'timing',
          include: TIMING_TEST_PATTERNS.flatMap((pattern) => [`packages/*/src/${pattern}`, `apps/*/src/${pattern}`]),
          fileParallelism: false,
          sequence: { groupOrder: TestGroup.Timing },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
