import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliConfigError } from './CliConfigError.js';

/** Throws one line naming the first app folder without an `index.html`. */
export function checkAppBuilds(appsDirs: Readonly<Record<string, string>>): void {
  for (const [app, dir] of Object.entries(appsDirs)) {
    const index = join(dir, 'index.html');
    if (existsSync(index)) continue;
    const fromHere = relative(process.cwd(), index);
    const shown = fromHere.startsWith('..') ? index : fromHere;
    throw new CliConfigError(
      `the ${app} app is not built (${shown} is missing); run "npx -y pnpm@10.34.8 run build" first, or pass --allow-missing-apps`,
    );
  }
}
