import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is at packages/hub/src/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the hub looks for things when not told otherwise. */
export const DEFAULT_PATHS = {
  trackerDist: resolve(REPO_ROOT, 'apps/tracker/dist'),
  avatarDist: resolve(REPO_ROOT, 'apps/avatar/dist'),
  models: resolve(REPO_ROOT, 'models'),
} as const;
