import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'math', include: ['src/**/*.test.ts'] } });
