import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { UNIT_TEST_EXCLUDE } from '../../testGroups.ts';

// Round trips and fits over thousands of samples: several seconds each on a busy 2-core machine.
export default defineProject({ ...vitestFromSource, test: { name: 'protocol', include: ['src/**/*.test.ts'], exclude: UNIT_TEST_EXCLUDE, testTimeout: 60_000 } });
