import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

export default defineProject({ ...vitestFromSource, test: { name: 'math', include: ['src/**/*.test.ts'] } });
