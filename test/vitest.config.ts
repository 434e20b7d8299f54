import { configDefaults, defineProject } from 'vitest/config';
import { vitestFromSource } from '../sourceConditions.ts';
import { TestGroup } from '../testGroups.ts';

// Cross-package tests: real hub, real Chromium, real models. Browser tests share two cores,
// so files run one at a time.
export default defineProject({
  ...vitestFromSource,
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    // Cluster and fault tests are a project of their own (cluster/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'cluster/**'],
    fileParallelism: false,
    sequence: { groupOrder: TestGroup.Browser },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
