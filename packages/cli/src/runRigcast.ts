import type { Subcommand } from './Subcommand';
import { SUBCOMMANDS } from './subcommands';

/** Exit code for a command line that names no known subcommand. */
export const USAGE_EXIT_CODE = 2;

/** What `rigcast --help` prints. */
export function rigcastHelp(subcommands: readonly Subcommand[] = SUBCOMMANDS): string {
  const width = Math.max(...subcommands.map((s) => s.name.length));
  return [
    'rigcast: stream a VTuber avatar from a webcam through a hub to any number of avatar pages.',
    '',
    'usage: rigcast <command> [options]      rigcast <command> --help for its options',
    '',
    'commands:',
    ...subcommands.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    'Each command other than hub is a client of a hub (local or remote) through its public Socket.IO contract.',
  ].join('\n');
}

/**
 * Runs `rigcast <command> …`: dispatches to the named subcommand with the rest of the arguments.
 * No command, `--help` or `help` prints the list; `help <command>` that command's help. An unknown
 * command is one line on stderr and exit code {@link USAGE_EXIT_CODE}.
 */
export async function runRigcast(argv: readonly string[], env: NodeJS.ProcessEnv, subcommands: readonly Subcommand[] = SUBCOMMANDS): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    process.stdout.write(`${rigcastHelp(subcommands)}\n`);
    return;
  }
  const name = first === 'help' ? rest[0] : first;
  const subcommand = subcommands.find((s) => s.name === name);
  if (!subcommand) {
    process.stderr.write(`rigcast: unknown command "${name}"; the commands are ${subcommands.map((s) => s.name).join(', ')} (rigcast --help)\n`);
    process.exitCode = USAGE_EXIT_CODE;
    return;
  }
  await subcommand.run(first === 'help' ? ['--help'] : rest, env);
}
