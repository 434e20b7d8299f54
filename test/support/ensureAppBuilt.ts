import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './sharedData';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'tests') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * The apps' build folders in this checkout. Hubs in tests serve these (the pages under test),
 * not the copies the hub package's build takes.
 */
export const APP_BUILD_DIRS = {
  tracker: resolve(REPO_ROOT, 'apps/tracker/dist'),
  avatar: resolve(REPO_ROOT, 'apps/avatar/dist'),
} as const;

export interface AppBuild {
  /** The app folder, e.g. `apps/avatar`. */
  appDir: string;
  /** Workspace packages the page bundles, relative to the repo root (their `src/` is watched). */
  packages: string[];
  /** Output files besides `dist/index.html` that must exist, relative to the app folder. */
  requiredOutputs?: string[];
}

/**
 * Builds an app with Vite when its `dist/` is missing or older than any source it bundles, so a
 * test never drives a stale page.
 */
export async function ensureAppBuilt({ appDir, packages, requiredOutputs = [] }: AppBuild): Promise<void> {
  const root = resolve(REPO_ROOT, appDir);
  const index = join(root, 'dist/index.html');
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'index.html')),
    newestMtime(join(root, 'vite.config.ts')),
    ...packages.map((pkg) => newestMtime(resolve(REPO_ROOT, pkg, 'src'))),
  );
  const complete = existsSync(index) && requiredOutputs.every((file) => existsSync(join(root, file)));
  if (complete && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
