import { defineConfig } from 'vitest/config';

// Each package and app owns its vitest.config.ts; the root runs them all as projects.
// Two cores: at most two test files at once, and the browser tests in test/ one at a time.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: ['packages/*/vitest.config.ts', 'packages/hub/vitest.public-relay.config.ts', 'apps/*/vitest.config.ts', 'test/vitest.config.ts', 'test/cluster/vitest.config.ts'],
  },
});
