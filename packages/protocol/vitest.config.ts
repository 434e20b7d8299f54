import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

export default defineProject({ ...vitestFromSource, test: { name: 'protocol', include: ['src/**/*.test.ts'] } });
