import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.js';
import { ManagedProcess } from './ManagedProcess.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HUB_SOURCE_CLI = resolve(REPO_ROOT, 'packages/hub/src/cli.ts');
const HUB_BUILT_BIN = resolve(REPO_ROOT, 'packages/hub/bin/rigcast-hub.mjs');
const HUB_BUILT_CLI = resolve(REPO_ROOT, 'packages/hub/dist/cli.js');
const START_TIMEOUT_MS = 60_000;
const HEALTH_POLL_MS = 50;

/** How a {@link HubNode} is started. */
export interface HubNodeOptions {
  /** Port on 127.0.0.1; default a free one. Kept across {@link HubNode.restart}. */
  port?: number;
  publishKey: string;
  redisUrl?: string;
  /** Extra environment (RIGCAST_…). */
  env?: Record<string, string>;
  /** Run the built hub with plain Node (`pnpm cluster`) rather than the source with tsx (tests). */
  built?: boolean;
  /** Name in messages. */
  name?: string;
  /** CLI options; default `--offline --allow-missing-apps` (tests: no downloads, no app build needed). */
  cliArgs?: string[];
}

/** What `/healthz` says (the parts the cluster tools read). */
export interface NodeHealth {
  ok: boolean;
  status: string;
  connections: number;
  cluster: { mode: string; redis?: string; node?: string };
}

/**
 * One `rigcast-hub` process on this machine, the real CLI: started, SIGKILLed or restarted on the
 * same port, as the fault tests and the local cluster need. It runs offline, with the apps
 * optional and no model downloads.
 */
export class HubNode {
  private process!: ManagedProcess;

  private constructor(
    readonly port: number,
    private readonly options: HubNodeOptions,
  ) {}

  static async start(options: HubNodeOptions): Promise<HubNode> {
    const node = new HubNode(options.port ?? (await freePort()), options);
    await node.launch();
    return node;
  }

  /** True when the built hub exists (`pnpm run build` has run). */
  static get isBuilt(): boolean {
    return existsSync(HUB_BUILT_CLI);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get name(): string {
    return this.options.name ?? `hub :${this.port}`;
  }

  get pid(): number | undefined {
    return this.process.running ? this.process.child.pid : undefined;
  }

  get running(): boolean {
    return this.process.running;
  }

  get output(): string {
    return this.process.output;
  }

  /** Starts the process and resolves once it listens (and, in cluster mode, once Redis is up). */
  async launch(): Promise<void> {
    const args = [...(this.options.cliArgs ?? ['--offline', '--allow-missing-apps']), '--port', String(this.port), '--host', '127.0.0.1'];
    const env = {
      ...process.env,
      RIGCAST_PUBLISH_KEY: this.options.publishKey,
      ...(this.options.redisUrl ? { RIGCAST_REDIS_URL: this.options.redisUrl } : {}),
      ...this.options.env,
    };
    this.process = this.options.built
      ? new ManagedProcess(this.name, process.execPath, [HUB_BUILT_BIN, ...args], { env, cwd: REPO_ROOT })
      : new ManagedProcess(this.name, process.execPath, ['--conditions=@rigcast/source', '--import', 'tsx', HUB_SOURCE_CLI, ...args], { env, cwd: REPO_ROOT });
    await this.process.waitForOutput(/rigcast hub listening on/, START_TIMEOUT_MS);
    if (this.options.redisUrl) await this.waitForHealth((h) => h.cluster.redis === 'up', START_TIMEOUT_MS, 'Redis up');
  }

  /** GET /healthz. */
  async health(): Promise<NodeHealth> {
    return JSON.parse(await this.get('/healthz')) as NodeHealth;
  }

  /** GET /metrics as text. */
  async metrics(): Promise<string> {
    return this.get('/metrics');
  }

  /**
   * GETs a path's text, once more if the first try fails: a kept-alive connection that the hub
   * closed as idle just as it was reused fails with ECONNRESET (Node's 5 s keep-alive timeout).
   */
  private async get(path: string): Promise<string> {
    try {
      return await (await fetch(`${this.url}${path}`)).text();
    } catch {
      return (await fetch(`${this.url}${path}`)).text();
    }
  }

  /** Polls /healthz until `check` holds. */
  async waitForHealth(check: (health: NodeHealth) => boolean, timeoutMs: number, what: string): Promise<NodeHealth> {
    const deadline = Date.now() + timeoutMs;
    let last: NodeHealth | undefined;
    for (;;) {
      try {
        last = await this.health();
        if (check(last)) return last;
      } catch {
        // not listening yet, or gone
      }
      if (Date.now() > deadline) throw new Error(`${this.name}: no ${what} within ${timeoutMs} ms (last /healthz ${JSON.stringify(last)})\n${this.output}`);
      await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
    }
  }

  /** SIGKILL, like a crash; resolves when it is gone. */
  async kill(): Promise<void> {
    this.process.signal('SIGKILL');
    await this.process.exited;
  }

  /** SIGTERM (graceful), SIGKILL if it hangs. */
  async stop(): Promise<void> {
    await this.process.stop(6000);
  }

  /** Starts again on the same port after {@link kill} or {@link stop}. */
  async restart(): Promise<void> {
    await this.launch();
  }
}
