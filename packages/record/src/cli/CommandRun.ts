import type { HubClient } from '@rigcast/client';
import { watchConnection } from './watchConnection';

/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl+C, a service manager), so a command can finish
 * its file and print its summary; `release()` removes the handlers.
 */
function untilSignal(): { signalled: Promise<NodeJS.Signals>; release(): void } {
  let release = () => {};
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    const handler = (signal: NodeJS.Signals) => resolve(signal);
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    release = () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  });
  return { signalled, release };
}

/** How often a running command prints its progress, ms. */
export const PROGRESS_INTERVAL_MS = 5000;

/**
 * How long a hub command (`record`, `replay`) runs: until {@link CommandRun.end} (its time is up,
 * the replay is over), the first SIGINT or SIGTERM, or a refusal no retry can fix. Meanwhile it
 * reports the hub link and prints progress.
 * @example
 * const run = new CommandRun(print);
 * const recorder = new HubRecorder(target, out, { onChange: run.onChange });
 * run.watch(recorder.client);
 * await run.until(() => `${recorder.writer.frames} frames`);
 */
export class CommandRun {
  /** The refusal that ended the run, with what to do; null otherwise. */
  fatal: string | null = null;
  private finish = () => {};
  private readonly finished = new Promise<void>((resolve) => (this.finish = resolve));
  private report = () => {};

  constructor(private readonly print: (line: string) => void) {}

  /** The client's `onChange`: reports its link once {@link CommandRun.watch} has named it. */
  readonly onChange = (): void => this.report();

  /** Reports `client`'s link, and ends the run when the hub refuses it for good. */
  watch(client: HubClient): void {
    this.report = watchConnection(client, this.print, (message) => {
      this.fatal = message;
      this.finish();
    });
  }

  /** Ends the run. */
  readonly end = (): void => this.finish();

  /** Resolves when the run ends, printing `progress()` every {@link PROGRESS_INTERVAL_MS} until then. */
  async until(progress: () => string): Promise<void> {
    const timer = setInterval(() => this.print(progress()), PROGRESS_INTERVAL_MS);
    const signal = untilSignal();
    await Promise.race([this.finished, signal.signalled]);
    clearInterval(timer);
    signal.release();
  }
}
