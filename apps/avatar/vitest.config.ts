import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'avatar', include: ['src/**/tests/*.test.ts'] } });
