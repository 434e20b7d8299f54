import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from './support/sharedData';

const SCRIPT = resolve(REPO_ROOT, 'models/fetch-models.mjs');
const MANIFEST = JSON.parse(readFileSync(resolve(REPO_ROOT, 'packages/hub/models/manifest.json'), 'utf8')) as {
  models: { file: string; url: string; sha256: string; repackedSha256?: string; license: string; required: boolean }[];
};
const FACE = 'face_landmarker.task';
const POSE = 'pose_landmarker_lite.task';
const HAND = 'hand_landmarker.task';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the script as a user would, with no RIGCAST_* variables unless given. */
async function fetchModels(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RIGCAST_MODELS')));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { env: { ...clean, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function lineFor(run: Run, file: string): string {
  return `${run.stdout}${run.stderr}`.split('\n').find((line) => line.includes(` ${file}`)) ?? '';
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('the model manifest (packages/hub/models/manifest.json)', () => {
  it('lists the face, pose-lite and hand bundles with their official URLs, sha256 and licence', () => {
    expect(MANIFEST.models.map((model) => model.file)).toEqual([FACE, POSE, HAND]);
    for (const model of MANIFEST.models) {
      expect(model.url).toMatch(new RegExp(`^https://storage\\.googleapis\\.com/mediapipe-models/.+/${model.file}$`));
      expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(model.license).toBe('Apache-2.0');
    }
    expect(MANIFEST.models.find((model) => model.file === FACE)).toMatchObject({
      required: true,
      sha256: '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff',
    });
  });
});

describe.skipIf(!HAS_SHARED_DATA)('models/fetch-models.mjs', () => {
  const dirs: string[] = [];
  let mirror: Server;
  let mirrorUrl = '';
  const requests: string[] = [];

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'rigcast-models-'));
    dirs.push(dir);
    return dir;
  }

  beforeAll(async () => {
    // A local stand-in for the official host: the real face bundle, the repacked pose bundle
    // (not the official bytes), and no hand bundle.
    const served: Record<string, string> = { [FACE]: sharedPath(`models/${FACE}`), [POSE]: sharedPath(`models/${POSE}`) };
    mirror = createServer((request, response) => {
      const name = basename(new URL(request.url ?? '/', 'http://x').pathname);
      requests.push(name);
      const path = served[name];
      if (!path) {
        response.writeHead(404).end('not here');
        return;
      }
      response.writeHead(200, { 'Content-Length': statSync(path).size });
      createReadStream(path).pipe(response);
    });
    await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((done) => mirror.close(done));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('offline, takes every bundle from the fallback folder, verifies each, and skips good files next time', async () => {
    const dir = tempDir();
    const first = await fetchModels(['--offline', `--dir=${dir}`], { RIGCAST_MODELS_DIR: sharedPath('models') });
    expect(first.code).toBe(0);
    expect(lineFor(first, FACE)).toMatch(/^ok +face_landmarker\.task: (linked|copied) from .*\(official sha256 verified\)$/);
    expect(lineFor(first, POSE)).toMatch(/^ok +pose_landmarker_lite\.task: (linked|copied) from .*repacked bundle: its documented sha256 verified/);
    expect(lineFor(first, HAND)).toMatch(/^ok +hand_landmarker\.task: (linked|copied) from .*repacked bundle/);
    expect(sha256(join(dir, FACE))).toBe(MANIFEST.models[0].sha256);

    const again = await fetchModels(['--offline', `--dir=${dir}`], { RIGCAST_MODELS_DIR: sharedPath('models') });
    expect(again.code).toBe(0);
    for (const file of [FACE, POSE, HAND]) expect(lineFor(again, file)).toMatch(/: already present \(/);
  });

  it('downloads and verifies what the host serves, replaces a corrupt file, and refuses bytes with the wrong sha256', async () => {
    const dir = tempDir();
    const empty = tempDir();
    writeFileSync(join(dir, FACE), 'truncated download');
    requests.length = 0;
    const run = await fetchModels([`--dir=${dir}`, `--from=${empty}`], { RIGCAST_MODELS_MIRROR: mirrorUrl });

    expect(run.code).toBe(0);
    expect(requests.sort()).toEqual([FACE, HAND, POSE]);
    expect(lineFor(run, FACE)).toMatch(/^ok +face_landmarker\.task: downloaded from http:\/\/127\.0\.0\.1:\d+\/face_landmarker\.task \(official sha256 verified\)$/);
    expect(sha256(join(dir, FACE))).toBe(MANIFEST.models[0].sha256);
    // The repacked pose bytes are not the official file: not kept, and the optional model is skipped.
    expect(lineFor(run, POSE)).toMatch(/^skipped +pose_landmarker_lite\.task \(optional\): download from .* has sha256 c34f13a18404…, expected 59929e1d1ee9…/);
    expect(existsSync(join(dir, POSE))).toBe(false);
    expect(lineFor(run, HAND)).toMatch(/^skipped +hand_landmarker\.task \(optional\): download from .* failed: HTTP 404/);
    expect(existsSync(join(dir, `${HAND}.part`))).toBe(false);
  });

  it('exits 1 and says what to do when the required face model cannot be had', async () => {
    const dir = tempDir();
    const empty = tempDir();
    const run = await fetchModels(['--offline', `--dir=${dir}`, `--from=${empty}`]);
    expect(run.code).toBe(1);
    expect(lineFor(run, FACE)).toMatch(/^MISSING +face_landmarker\.task \(required\): not in .*set RIGCAST_MODELS_DIR/);
    expect(existsSync(join(dir, FACE))).toBe(false);
  });
});

describe.skipIf(HAS_SHARED_DATA)('models/fetch-models.mjs', () => {
  it.skip(SHARED_SKIP_REASON, () => {});
});
