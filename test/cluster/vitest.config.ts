import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { TestGroup } from '../../testGroups.ts';

// Cluster and fault tests: real redis-server, nginx and rigcast-hub processes, started and killed
// by the tests. One file at a time: each runs several processes and measures recovery times.
export default defineProject({
  ...vitestFromSource,
  test: {
    name: 'cluster',
    include: ['**/*.test.ts'],
    fileParallelism: false,
    sequence: { groupOrder: TestGroup.Cluster },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
