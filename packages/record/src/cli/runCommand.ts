import type { CommandSpec } from './CommandSpec';
import { commandHelp, parseCommandLine, type CommandLine } from './parseCommandLine';
import { RecordCommandError } from './RecordCommandError';

/** Prints one line of a command's output: `rigcast <command>: <text>`. */
export function say(command: string, text: string): void {
  process.stdout.write(`rigcast ${command}: ${text}\n`);
}

/**
 * Runs a command: `--help` prints its help; a {@link RecordCommandError} from parsing or from
 * `body` is one line on stderr and its exit code.
 */
export async function runCommand(spec: CommandSpec, argv: readonly string[], env: NodeJS.ProcessEnv, body: (line: CommandLine) => Promise<void>): Promise<void> {
  try {
    const line = parseCommandLine(spec, argv, env);
    if (line.help) {
      process.stdout.write(`${commandHelp(spec)}\n`);
      return;
    }
    await body(line);
  } catch (error) {
    if (!(error instanceof RecordCommandError)) throw error;
    process.stderr.write(`rigcast ${spec.name}: ${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
