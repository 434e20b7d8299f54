import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { UNIT_TEST_EXCLUDE } from '../../testGroups.ts';

// Real hubs on port 0, real clients, real files, and the rigcast command as a child process.
export default defineProject({
  ...vitestFromSource,
  test: { name: 'record', include: ['src/**/*.test.ts'], exclude: UNIT_TEST_EXCLUDE, testTimeout: 60_000, hookTimeout: 30_000 },
});
