import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { UNIT_TEST_EXCLUDE } from '../../testGroups.ts';

export default defineProject({ ...vitestFromSource, test: { name: 'avatar-gen', include: ['src/**/*.test.ts'], exclude: UNIT_TEST_EXCLUDE, testTimeout: 120_000, hookTimeout: 120_000 } });
