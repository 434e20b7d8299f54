import { existsSync } from 'node:fs';
import { copyFile, link, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { downloadFile } from './downloadFile.js';
import type { ModelEntry } from './ModelEntry.js';
import { ModelHashKind, describeHashKind, modelHashKind } from './ModelHashKind.js';
import { sha256File } from './sha256File.js';

/** Where {@link obtainModel} puts a model and where else it may look. */
export interface ObtainModelOptions {
  /** Folder the model ends up in. */
  dir: string;
  /** Folders to copy a verified file from when the download fails or is skipped. */
  from: readonly string[];
  /** Skip the download. */
  offline: boolean;
  /** Base URL serving the model files by name, used instead of each model's official URL. */
  mirror?: string;
}

/** What {@link obtainModel} did, as one line for the user. */
export interface ObtainModelResult {
  ok: boolean;
  line: string;
}

/** The URL a model is downloaded from: its official one, or `mirror` + its file name. */
export function modelDownloadUrl(model: ModelEntry, mirror?: string): string {
  return mirror ? new URL(model.file, mirror.endsWith('/') ? mirror : `${mirror}/`).href : model.url;
}

/** Hard-links (cheap, same disk) or copies `source` to `target`; says which. */
async function place(source: string, target: string): Promise<'linked' | 'copied'> {
  await rm(target, { force: true });
  try {
    await link(source, target);
    return 'linked';
  } catch {
    await copyFile(source, target);
    return 'copied';
  }
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * Puts `model` in `options.dir` with its sha256 checked: a file already there with a known hash is
 * kept; otherwise it is downloaded (official bytes only), else copied from the first `from` folder
 * holding a known version. A download goes to `<file>.part` first, so a failure leaves nothing behind.
 */
export async function obtainModel(model: ModelEntry, options: ObtainModelOptions): Promise<ObtainModelResult> {
  const target = join(options.dir, model.file);
  const problems: string[] = [];
  if (existsSync(target)) {
    const digest = await sha256File(target);
    const kind = modelHashKind(model, digest);
    if (kind) return { ok: true, line: `already present (${describeHashKind(kind)})` };
    problems.push(`the file in place has sha256 ${digest.slice(0, 12)}…, which matches no known version`);
  }
  if (!options.offline) {
    const url = modelDownloadUrl(model, options.mirror);
    const part = `${target}.part`;
    try {
      const digest = await downloadFile(url, part);
      if (digest === model.sha256) {
        await rename(part, target);
        return { ok: true, line: `downloaded from ${url} (${describeHashKind(ModelHashKind.Official)})` };
      }
      problems.push(`download from ${url} has sha256 ${digest.slice(0, 12)}…, expected ${model.sha256.slice(0, 12)}…`);
    } catch (error) {
      problems.push(`download from ${url} failed: ${(error as Error).message}`);
    } finally {
      await rm(part, { force: true });
    }
  }
  for (const folder of options.from) {
    const source = join(folder, model.file);
    if (!existsSync(source) || !(await stat(source)).isFile()) continue;
    const kind = modelHashKind(model, await sha256File(source));
    if (!kind) {
      problems.push(`${shown(source)} has an unknown sha256, not used`);
      continue;
    }
    const how = await place(source, target);
    const why = problems.length ? `; before that, ${problems.join('; ')}` : '';
    return { ok: true, line: `${how} from ${shown(source)} (${describeHashKind(kind)})${why}` };
  }
  if (options.from.length > 0) problems.push(`not in ${options.from.map(shown).join(', ')}`);
  else if (options.offline) problems.push('not downloaded (offline)');
  return { ok: false, line: problems.join('; ') };
}
