import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

export default defineProject({ ...vitestFromSource, test: { name: 'avatar-gen', include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });
