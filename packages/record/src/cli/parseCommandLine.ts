import { parseArgs } from 'node:util';
import type { CommandSpec } from './CommandSpec';
import { RecordCommandError } from './RecordCommandError';

/** A parsed command line: option values (from flags, then the environment, then defaults). */
export interface CommandLine {
  help: boolean;
  values: Record<string, string | boolean | undefined>;
  /** The positional argument, when the command takes one. */
  positional?: string;
}

const HELP_COLUMN = 24;

/** The `--help` text of a command. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`usage: ${spec.synopsis}`, '', ...spec.about, ''];
  if (spec.positional) lines.push(`  ${spec.positional.name.padEnd(HELP_COLUMN - 2)}${spec.positional.help}`);
  for (const [name, option] of Object.entries(spec.options)) {
    const left = `  --${name}${option.value ? ` ${option.value}` : ''}`;
    const extra = [option.env ? `env ${option.env}` : '', option.default ? `default ${option.default}` : ''].filter(Boolean).join(', ');
    lines.push(`${left.padEnd(HELP_COLUMN)}${option.help}${extra ? ` (${extra})` : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(HELP_COLUMN - 2)}show this help`);
  return lines.join('\n');
}

/**
 * Parses `argv` against `spec` (Node's `util.parseArgs`, strict). A mistake becomes a
 * {@link RecordCommandError} with exit code 2 that names it and points at `--help`.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const [name, option] of Object.entries(spec.options)) options[name] = { type: option.type };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('. ')[0];
    throw new RecordCommandError(`${message}; rigcast ${spec.name} --help lists the options`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, values: {} };
  const limit = spec.positional ? 1 : 0;
  if (positionals.length > limit) {
    throw new RecordCommandError(`unexpected argument "${positionals[limit]}"; rigcast ${spec.name} --help shows the usage`, 2);
  }
  const result: CommandLine['values'] = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const given = values[name];
    const fromEnv = option.env ? env[option.env] : undefined;
    result[name] = given ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : option.default);
  }
  return { help: false, values: result, positional: positionals[0] };
}
