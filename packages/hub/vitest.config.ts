import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

// Hub integration tests: a real hub on port 0 and real socket.io-client connections.
export default defineProject({
  ...vitestFromSource,
  test: {
    name: 'hub',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
