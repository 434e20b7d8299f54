import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readModelManifest } from './ModelEntry.js';
import { obtainModel, type ObtainModelOptions } from './obtainModel.js';

/** Where the checkout's `node models/fetch-models.mjs` works when not told otherwise. */
export interface FetchModelsCliDefaults {
  /** Target folder: the checkout's `models/`. */
  dir: string;
  /** Fallback folder when neither `--from` nor `RIGCAST_MODELS_DIR` is given: `../shared/models`. */
  sharedModels: string;
}

const USAGE = 'usage: node models/fetch-models.mjs [--offline] [--dir=<target folder>] [--from=<fallback folder>]';

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv, defaults: FetchModelsCliDefaults): ObtainModelOptions | 'help' | string {
  const options = { offline: false, dir: defaults.dir, from: [] as string[], mirror: env.RIGCAST_MODELS_MIRROR || undefined };
  for (const arg of argv) {
    if (arg === '--offline') options.offline = true;
    else if (arg.startsWith('--dir=')) options.dir = resolve(arg.slice('--dir='.length));
    else if (arg.startsWith('--from=')) options.from.push(resolve(arg.slice('--from='.length)));
    else if (arg === '--help' || arg === '-h') return 'help';
    else return `unknown option ${arg} (try --help)`;
  }
  if (options.from.length === 0) options.from.push(env.RIGCAST_MODELS_DIR ? resolve(env.RIGCAST_MODELS_DIR) : defaults.sharedModels);
  options.from = [...new Set(options.from)].filter((folder) => folder !== options.dir);
  return options;
}

/**
 * The checkout's model fetcher: obtains every bundle in the manifest into a folder (see
 * {@link obtainModel}), printing one line per model. Returns the exit code: 2 for a bad option,
 * 1 when a required model is still missing.
 */
export async function runFetchModelsCli(argv: readonly string[], env: NodeJS.ProcessEnv, defaults: FetchModelsCliDefaults): Promise<number> {
  const options = parseArgs(argv, env, defaults);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`fetch-models: ${options}`);
    return 2;
  }
  await mkdir(options.dir, { recursive: true });
  let missingRequired = 0;
  for (const model of readModelManifest()) {
    const { ok, line } = await obtainModel(model, options);
    if (ok) console.log(`ok       ${model.file}: ${line}`);
    else if (model.required) {
      missingRequired++;
      console.error(`MISSING  ${model.file} (required): ${line}. Connect to the internet, or set RIGCAST_MODELS_DIR to a folder that has it, and run this again.`);
    } else console.warn(`skipped  ${model.file} (optional): ${line}`);
  }
  return missingRequired ? 1 : 0;
}
