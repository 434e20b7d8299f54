/** One subcommand of the `rigcast` command. */
export interface Subcommand {
  /** What the user types after `rigcast`. */
  name: string;
  /** One line for `rigcast --help`. */
  summary: string;
  /** The synopsis, e.g. `rigcast vmc --hub URL --room NAME …`; `rigcast <name> --help` gives the rest. */
  usage: string;
  /**
   * Runs with the arguments after the subcommand's name. Errors reach the user as one line on
   * stderr and a non-zero exit; a subcommand that serves (a hub, a bridge) resolves once started
   * and keeps the process alive until a signal.
   */
  run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void>;
}
