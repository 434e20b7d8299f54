import { defineProject } from 'vitest/config';
import { vitestFromSource } from '../../sourceConditions.ts';
import { UNIT_TEST_EXCLUDE } from '../../testGroups.ts';

// The relay tests again on the public-API fallback writer (RIGCAST_RELAY_PATH=public), so that
// the path used when Engine.IO's private fields change keeps working.
export default defineProject({
  ...vitestFromSource,
  test: {
    name: 'hub-public-relay',
    include: ['src/tests/relay.test.ts', 'src/tests/slowViewer.test.ts', 'src/tests/fuzz.test.ts'], exclude: UNIT_TEST_EXCLUDE,
    env: { RIGCAST_RELAY_PATH: 'public' },
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
