import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

export default defineProject({ ...vitestFromSource, test: { name: 'vmc', include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
