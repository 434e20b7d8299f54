#!/usr/bin/env node
// Obtains the MediaPipe .task bundles listed in packages/hub/models/manifest.json into this
// checkout's models/, with sha256 checks.
//
//   node models/fetch-models.mjs [--offline] [--dir=<folder>] [--from=<folder>]
//
// For each model: a file already in place with a known hash is kept; otherwise it is downloaded
// from its official URL (or from $RIGCAST_MODELS_MIRROR/<file>) and verified. When that fails
// (offline, wrong hash), it is copied from the --from folders, else $RIGCAST_MODELS_DIR, else
// ../shared/models, where the pose and hand bundles are repacked ones with their own, documented
// hashes. Prints one line per model. Exits 1 when a required model is still missing.
// The logic ships in the hub package (packages/hub/src/models/), whose rigcast-hub command also
// downloads missing models when it starts; here tsx runs it from source, so no build is needed.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const HERE = dirname(fileURLToPath(import.meta.url));

register();
const { runFetchModelsCli } = await import('../packages/hub/src/models/runFetchModelsCli.ts');
process.exitCode = await runFetchModelsCli(process.argv.slice(2), process.env, {
  dir: HERE,
  sharedModels: resolve(HERE, '../../shared/models'),
});
