// The `rigcast` command: `pnpm rigcast <command> …` from a checkout.
import { runRigcast } from './runRigcast';

await runRigcast(process.argv.slice(2), process.env);
