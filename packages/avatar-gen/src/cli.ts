import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDefaultAvatar } from './generateDefaultAvatar';

/** Where the root build puts the default avatar. */
export const DEFAULT_AVATAR_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/rigcast-default.vrm');

const out = resolve(process.argv[2] ?? DEFAULT_AVATAR_PATH);
const started = performance.now();
const { bytes, stats } = generateDefaultAvatar();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const sha = createHash('sha256').update(bytes).digest('hex');
console.log(
  `avatar-gen: wrote ${out} (${(stats.bytes / 1024).toFixed(0)} KiB, ${stats.vertices} vertices, ${stats.triangles} triangles, ` +
    `${stats.bones} bones, ${stats.morphTargets} morphs) in ${(performance.now() - started).toFixed(0)} ms, sha256 ${sha.slice(0, 16)}…`,
);
