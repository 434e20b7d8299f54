// Part of the hub's build: copies what the hub serves into the package, from this checkout, so an
// installed hub finds everything inside itself: the built tracker and avatar pages into public/,
// and the generated default avatar into models/. The root build runs it last, after everything
// else is built.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HUB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(HUB_DIR, '../..');

const ASSETS = [
  { from: 'apps/tracker/dist', to: 'public/tracker', check: 'index.html' },
  { from: 'apps/avatar/dist', to: 'public/avatar', check: 'index.html' },
  { from: 'models/rigcast-default.vrm', to: 'models/rigcast-default.vrm' },
];

for (const { from, to, check } of ASSETS) {
  const source = join(REPO_ROOT, from);
  const expected = check ? join(source, check) : source;
  if (!existsSync(expected)) {
    console.error(`hub build: ${relative(REPO_ROOT, expected)} is missing; build the whole repository with "npx -y pnpm@10.34.8 run build"`);
    process.exit(1);
  }
  const target = join(HUB_DIR, to);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
}
console.log(`hub build: copied ${ASSETS.map(({ from }) => from).join(', ')} into ${relative(REPO_ROOT, HUB_DIR)}`);
