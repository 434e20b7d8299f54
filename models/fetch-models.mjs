#!/usr/bin/env node
// Obtains the MediaPipe .task bundles listed in models/manifest.json, with sha256 checks.
//
//   node models/fetch-models.mjs [--offline] [--dir=<folder>] [--from=<folder>]
//
// For each model: a file already in place with a known hash is kept; otherwise it is downloaded
// from its official URL (or from $RIGCAST_MODELS_MIRROR/<file>) and verified. When that fails
// (offline, wrong hash), it is copied from the --from folders, else $RIGCAST_MODELS_DIR, else
// ../shared/models.
// There, the pose and hand bundles are repacked ones with their own, documented hashes.
// Prints one line per model. Exits 1 when a required model is still missing. Plain Node, no deps.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..');
/** A download that sends no byte for this long is abandoned. */
const STALL_TIMEOUT_MS = 20_000;

function parseArgs(argv) {
  const options = { offline: false, dir: HERE, from: [] };
  for (const arg of argv) {
    if (arg === '--offline') options.offline = true;
    else if (arg.startsWith('--dir=')) options.dir = resolve(arg.slice('--dir='.length));
    else if (arg.startsWith('--from=')) options.from.push(resolve(arg.slice('--from='.length)));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node models/fetch-models.mjs [--offline] [--dir=<target folder>] [--from=<fallback folder>]');
      process.exit(0);
    } else {
      console.error(`fetch-models: unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  // Fallback folders: those given, else $RIGCAST_MODELS_DIR, else ../shared/models beside the repo.
  if (options.from.length === 0) {
    options.from.push(process.env.RIGCAST_MODELS_DIR ? resolve(process.env.RIGCAST_MODELS_DIR) : resolve(REPO_ROOT, '../shared/models'));
  }
  options.from = [...new Set(options.from)].filter((folder) => folder !== options.dir);
  return options;
}

async function sha256Of(path) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Which of the model's known hashes `digest` is: 'official', 'repacked' or null. */
function hashKind(model, digest) {
  if (digest === model.sha256) return 'official';
  if (model.repackedSha256 && digest === model.repackedSha256) return 'repacked';
  return null;
}

function describeKind(kind) {
  return kind === 'official' ? 'official sha256 verified' : 'repacked bundle: its documented sha256 verified, which differs from the official one';
}

function sourceUrl(model) {
  const mirror = process.env.RIGCAST_MODELS_MIRROR;
  return mirror ? new URL(model.file, mirror.endsWith('/') ? mirror : `${mirror}/`).href : model.url;
}

/** Downloads `url` to `part`, returning its sha256. Throws with a short reason on failure. */
async function download(url, part) {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), STALL_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const hash = createHash('sha256');
    const body = Readable.fromWeb(response.body);
    body.on('data', (chunk) => {
      hash.update(chunk);
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), STALL_TIMEOUT_MS);
    });
    await pipeline(body, createWriteStream(part));
    return hash.digest('hex');
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message;
    throw new Error(controller.signal.aborted ? `stalled for ${STALL_TIMEOUT_MS / 1000} s` : cause ? `${error.message} (${cause})` : error.message);
  } finally {
    clearTimeout(timer);
  }
}

/** Hard-links (cheap, same disk) or copies `source` to `target`; says which. */
async function place(source, target) {
  await rm(target, { force: true });
  try {
    await link(source, target);
    return 'linked';
  } catch {
    await copyFile(source, target);
    return 'copied';
  }
}

function shown(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

async function obtain(model, options) {
  const target = join(options.dir, model.file);
  const problems = [];
  if (existsSync(target)) {
    const digest = await sha256Of(target);
    const kind = hashKind(model, digest);
    if (kind) return { ok: true, line: `already present (${describeKind(kind)})` };
    problems.push(`the file in place has sha256 ${digest.slice(0, 12)}…, which matches no known version`);
  }
  if (!options.offline) {
    const url = sourceUrl(model);
    const part = `${target}.part`;
    try {
      const digest = await download(url, part);
      if (digest === model.sha256) {
        await rename(part, target);
        return { ok: true, line: `downloaded from ${url} (official sha256 verified)` };
      }
      problems.push(`download from ${url} has sha256 ${digest.slice(0, 12)}…, expected ${model.sha256.slice(0, 12)}…`);
    } catch (error) {
      problems.push(`download from ${url} failed: ${error.message}`);
    } finally {
      await rm(part, { force: true });
    }
  }
  for (const folder of options.from) {
    const source = join(folder, model.file);
    if (!existsSync(source) || !(await stat(source)).isFile()) continue;
    const kind = hashKind(model, await sha256Of(source));
    if (!kind) {
      problems.push(`${shown(source)} has an unknown sha256, not used`);
      continue;
    }
    const how = await place(source, target);
    const why = problems.length ? `; before that, ${problems.join('; ')}` : '';
    return { ok: true, line: `${how} from ${shown(source)} (${describeKind(kind)})${why}` };
  }
  problems.push(`not in ${options.from.map(shown).join(', ') || 'any fallback folder'}`);
  return { ok: false, line: problems.join('; ') };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));
  await mkdir(options.dir, { recursive: true });
  let missingRequired = 0;
  for (const model of manifest.models) {
    const { ok, line } = await obtain(model, options);
    if (ok) console.log(`ok       ${model.file}: ${line}`);
    else if (model.required) {
      missingRequired++;
      console.error(`MISSING  ${model.file} (required): ${line}. Connect to the internet, or set RIGCAST_MODELS_DIR to a folder that has it, and run this again.`);
    } else console.warn(`skipped  ${model.file} (optional): ${line}`);
  }
  if (missingRequired) process.exit(1);
}

await main();
