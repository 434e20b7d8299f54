import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readModelManifest, type ModelEntry } from '../models/ModelEntry.js';
import { modelDownloadUrl, obtainModel } from '../models/obtainModel.js';

/** How the CLI gets the MediaPipe bundles that no models folder has. */
export interface MissingModelsOptions {
  /** The folders served at `/models/`. */
  modelsDirs: readonly string[];
  /** Where downloads go: the package's own models folder. */
  into: string;
  /** Report what is missing without downloading. */
  offline: boolean;
  /** Base URL to download from instead of the official one. */
  mirror?: string;
}

/** Where {@link fetchMissingModels} reports, one line at a time. */
export interface ModelsLog {
  info(line: string): void;
  warn(line: string): void;
}

function missingLine(model: ModelEntry, reason: string, offline: boolean): string {
  if (!model.required) return `optional model ${model.file} is missing (${reason}); the hub runs without it.`;
  const retry = offline ? 'start without --offline to download it' : 'connect to the internet and restart the hub';
  return (
    `${model.file} is missing (${reason}). The tracker page cannot track without it: ${retry}, or download ` +
    `${model.url} (sha256 ${model.sha256.slice(0, 12)}…) into a folder and pass it with --models-dir or RIGCAST_MODELS_DIR.`
  );
}

/**
 * Downloads each manifest model found in none of `modelsDirs` into `into`, sha256-checked, saying
 * what it fetches and, for what it cannot get, what the user can do. Never throws for a model.
 */
export async function fetchMissingModels(options: MissingModelsOptions, log: ModelsLog): Promise<void> {
  const missing = readModelManifest().filter((model) => !options.modelsDirs.some((dir) => existsSync(join(dir, model.file))));
  for (const model of missing) {
    if (options.offline) {
      log.warn(missingLine(model, 'not downloaded: --offline', true));
      continue;
    }
    log.info(`fetching ${model.file} from ${modelDownloadUrl(model, options.mirror)} …`);
    const result = await obtainModel(model, { dir: options.into, from: [], offline: false, mirror: options.mirror });
    if (result.ok) log.info(`${model.file}: ${result.line} into ${options.into}`);
    else log.warn(missingLine(model, result.line, false));
  }
}
