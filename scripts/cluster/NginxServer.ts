import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './freePort.js';
import { ManagedProcess } from './ManagedProcess.js';

/** The shipped nginx files (deploy/nginx/); the local configuration includes them as they are. */
export const DEPLOY_NGINX_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx');
const START_TIMEOUT_MS = 10_000;
/** A node that fails is skipped this long (as in deploy/nginx/rigcast.conf, shorter for one machine). */
const FAIL_TIMEOUT_S = 2;

/** What the local nginx serves. */
export interface NginxOptions {
  /** Where it listens on 127.0.0.1; default a free port. */
  port?: number;
  /** The hub nodes' ports on 127.0.0.1. */
  hubPorts: readonly number[];
}

/**
 * The nginx configuration for hubs on this machine: the shipped `rigcast-http.conf` and
 * `rigcast-locations.conf` as they are, an upstream of the local nodes, and everything else
 * (pid, logs, temp files) in `dir`, so it runs without root and without touching /etc/nginx.
 */
export function localNginxConfig(dir: string, port: number, hubPorts: readonly number[]): string {
  return nginxMainConfig(
    dir,
    `    include ${join(DEPLOY_NGINX_DIR, 'rigcast-http.conf')};

    upstream rigcast_hubs {
        least_conn;
${hubPorts.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=${FAIL_TIMEOUT_S}s;`).join('\n')}
    }

    server {
        listen 127.0.0.1:${port};
        include ${join(DEPLOY_NGINX_DIR, 'rigcast-locations.conf')};
    }
`,
  );
}

/** A whole nginx.conf around `httpBody` (http-level directives), with pid, logs and temp files in `dir`. */
export function nginxMainConfig(dir: string, httpBody: string): string {
  const temp = (name: string) => join(dir, 'temp', name);
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;

events {
    worker_connections 8192;
}

http {
    access_log off;
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};

${httpBody}
}
`;
}

/** Debian's nginx in front of local hub nodes, with {@link localNginxConfig}, in a temporary folder. */
export class NginxServer {
  private readonly process: ManagedProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {
    this.process = new ManagedProcess('nginx', 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;']);
  }

  static async start(options: NginxOptions): Promise<NginxServer> {
    const port = options.port ?? (await freePort());
    return NginxServer.run((dir) => localNginxConfig(dir, port, options.hubPorts), port);
  }

  /** Runs nginx with the configuration `configFor` writes for its folder; resolves once `port` accepts connections. */
  static async run(configFor: (dir: string) => string, port: number): Promise<NginxServer> {
    const dir = mkdtempSync(join(tmpdir(), 'rigcast-nginx-'));
    // Workers may run as another user when nginx starts as root.
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'temp'));
    writeFileSync(join(dir, 'nginx.conf'), configFor(dir));
    const server = new NginxServer(port, dir);
    try {
      await waitForPort(port, START_TIMEOUT_MS, 'nginx');
    } catch (error) {
      await server.stop();
      throw new Error(`${(error as Error).message}\n${server.process.output}`);
    }
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get output(): string {
    return this.process.output;
  }

  async stop(): Promise<void> {
    await this.process.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
