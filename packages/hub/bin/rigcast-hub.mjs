#!/usr/bin/env node
// The rigcast-hub command: the hub's compiled CLI, run by plain Node.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('rigcast-hub: the hub is not built (dist/cli.js is missing); run "npx -y pnpm@10.34.8 run build" in the repository first\n');
  process.exit(1);
}
await import(cli.href);
