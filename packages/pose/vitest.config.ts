import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

export default defineProject({ ...vitestFromSource, test: { name: 'pose', include: ['src/**/tests/*.test.ts'] } });
