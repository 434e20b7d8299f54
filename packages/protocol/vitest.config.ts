import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';

// Round trips and fits over thousands of samples: several seconds each on a busy 2-core machine.
export default defineProject({ ...vitestFromSource, test: { name: 'protocol', include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
