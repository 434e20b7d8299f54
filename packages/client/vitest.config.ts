import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { UNIT_TEST_EXCLUDE } from '../../testGroups.ts';

// HubClient against real hubs on port 0, through real socket.io-client.
export default defineProject({
  ...vitestFromSource,
  test: {
    name: 'client',
    include: ['src/**/*.test.ts'], exclude: UNIT_TEST_EXCLUDE,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
