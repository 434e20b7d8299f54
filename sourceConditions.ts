import { defaultClientConditions, defaultServerConditions } from 'vite';

/**
 * The package.json export condition under which this repository's built packages
 * (`@rigcast/protocol`, `@rigcast/hub`) resolve to their TypeScript source; without it (plain Node,
 * an installed package) they resolve to `dist/`. tsc gets it from `customConditions` in
 * tsconfig.base.json, tsx from `node --conditions=@rigcast/source --import tsx`.
 */
export const SOURCE_CONDITION = '@rigcast/source';

/** Vite config fragment: the pages bundle workspace packages from source, in dev and in builds. */
export const viteFromSource = { resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] } };

/**
 * Vitest project fragment: tests run workspace packages from source. The rest are Vitest's own
 * defaults for Node (Vite's server conditions without `module`).
 */
export const vitestFromSource = {
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions.filter((condition) => condition !== 'module')] } },
};
