import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { UNIT_TEST_EXCLUDE } from '../../testGroups.ts';

// Hub integration tests: a real hub on port 0 and real socket.io-client connections.
export default defineProject({
  ...vitestFromSource,
  test: {
    name: 'hub',
    include: ['src/**/*.test.ts'], exclude: UNIT_TEST_EXCLUDE,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
