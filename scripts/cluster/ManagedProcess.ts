import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** How a {@link ManagedProcess} ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A child process the cluster tools start and must stop: its output kept (the last
 * {@link MAX_OUTPUT_CHARS}), its exit awaited, and signals sent by its own pid only.
 */
export class ManagedProcess {
  static readonly MAX_OUTPUT_CHARS = 64 * 1024;
  readonly child: ChildProcess;
  readonly exited: Promise<ProcessExit>;
  private text = '';
  private readonly watchers = new Set<() => void>();

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: SpawnOptions = {},
  ) {
    this.child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    const keep = (chunk: Buffer) => {
      this.text = (this.text + chunk.toString()).slice(-ManagedProcess.MAX_OUTPUT_CHARS);
      for (const watcher of this.watchers) watcher();
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child.once('error', (error) => keep(Buffer.from(`\n${name}: ${error.message}\n`)));
  }

  /** Everything it printed (stdout and stderr, interleaved; the last 64 KB). */
  get output(): string {
    return this.text;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the output once it matches `pattern`; rejects if the process exits or `timeoutMs` passes first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.watchers.delete(check);
      };
      const check = () => {
        if (!pattern.test(this.text)) return;
        done();
        resolve(this.text);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name}: no ${pattern} in its output within ${timeoutMs} ms:\n${this.text}`));
      }, timeoutMs);
      this.watchers.add(check);
      void this.exited.then((exit) => {
        if (!this.watchers.has(check)) return;
        done();
        reject(new Error(`${this.name} exited (${exit.code ?? exit.signal}) before printing ${pattern}:\n${this.text}`));
      });
      check();
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  async stop(graceMs = 3000): Promise<ProcessExit> {
    if (!this.running) return this.exited;
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
