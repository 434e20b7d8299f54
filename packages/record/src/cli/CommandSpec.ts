/** One option of a command: `--name VALUE` or a `--name` switch. */
export interface OptionSpec {
  /** A switch takes no value. */
  type: 'string' | 'boolean';
  /** Placeholder for the value in the help, e.g. `URL`. */
  value?: string;
  help: string;
  /** The environment variable used when the option is not given. */
  env?: string;
  /** The value when neither the option nor its variable is given. */
  default?: string;
}

/** A command's command line, and its `--help`. */
export interface CommandSpec {
  name: string;
  /** `rigcast record --hub URL …`. */
  synopsis: string;
  /** What it does, a few lines. */
  about: string[];
  /** The one positional argument, when the command takes one (the recording). */
  positional?: { name: string; help: string };
  options: Record<string, OptionSpec>;
}
