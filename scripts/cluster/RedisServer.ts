import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './freePort.js';
import { ManagedProcess } from './ManagedProcess.js';

const START_TIMEOUT_MS = 10_000;

/**
 * A Debian `redis-server` of its own: loopback only, on a free port (Redis cannot listen on port
 * 0), no persistence, in a temporary folder. It can be killed, restarted on the same port, and
 * paused (SIGSTOP) and resumed, for fault tests.
 */
export class RedisServer {
  private process: ManagedProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'rigcast-redis-'));

  private constructor(readonly port: number) {}

  /** Starts one on a free port (or `port`). */
  static async start(port?: number): Promise<RedisServer> {
    const server = new RedisServer(port ?? (await freePort()));
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The server's pid (for CPU readings), while it runs. */
  get pid(): number | undefined {
    return this.process?.running ? this.process.child.pid : undefined;
  }

  /** Starts it again on the same port after {@link kill} or {@link stop}: an empty Redis. */
  async launch(): Promise<void> {
    this.process = new ManagedProcess('redis-server', 'redis-server', [
      '--port', String(this.port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--dir', this.dir,
      '--daemonize', 'no',
      '--loglevel', 'warning',
    ]);
    await waitForPort(this.port, START_TIMEOUT_MS, 'redis-server');
  }

  /** SIGKILL: gone at once, like a crash. */
  async kill(): Promise<void> {
    if (!this.process) return;
    this.process.signal('SIGKILL');
    await this.process.exited;
  }

  /** SIGSTOP: connections stay open, nothing answers. */
  pause(): void {
    this.process?.signal('SIGSTOP');
  }

  /** SIGCONT after {@link pause}. */
  resume(): void {
    this.process?.signal('SIGCONT');
  }

  /** Stops it and deletes its folder. */
  async stop(): Promise<void> {
    await this.process?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
