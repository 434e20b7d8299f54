/**
 * The `rigcast-hub` command (bin/rigcast-hub.mjs runs the built dist/cli.js; `pnpm start` from a checkout).
 * See `--help` for options and environment variables.
 */
import { runCli } from './cli/runCli.js';

await runCli(process.argv.slice(2), process.env);
