import { defineConfig } from 'vitest/config';

// Each package and app owns its vitest.config.ts; the root runs them all as projects.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'test/vitest.config.ts'],
  },
});
