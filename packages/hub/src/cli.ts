/**
 * The `rigcast-hub` command (`pnpm start`, or `node --import tsx packages/hub/src/cli.ts`).
 * See `--help` for options and environment variables.
 */
import { runCli } from './cli/runCli';

await runCli(process.argv.slice(2), process.env);
