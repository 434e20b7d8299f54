import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The hub package's own folder: `src/` (source) and `dist/` (built) both sit directly in it. */
export const PACKAGE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/** What the package carries, found from the package itself wherever it is installed. */
export const PACKAGE_PATHS = {
  /** The built tracker page, copied in by the package build. */
  tracker: join(PACKAGE_DIR, 'public/tracker'),
  /** The built avatar page, copied in by the package build. */
  avatar: join(PACKAGE_DIR, 'public/avatar'),
  /** The default avatar (`rigcast-default.vrm`), and the MediaPipe bundles the hub downloads. */
  models: join(PACKAGE_DIR, 'models'),
  /** The demo performance `--demo` plays (made by `pnpm record:demo`). */
  demo: join(PACKAGE_DIR, 'models/rigcast-demo.rig'),
  /** The MediaPipe bundles the pages load: official URLs, sha256 and licences. */
  modelManifest: join(PACKAGE_DIR, 'models/manifest.json'),
} as const;
