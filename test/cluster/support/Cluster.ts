import { HubNode } from '../../../scripts/cluster/HubNode.js';
import { NginxServer } from '../../../scripts/cluster/NginxServer.js';
import { RedisServer } from '../../../scripts/cluster/RedisServer.js';

/** What {@link Cluster.start} starts. */
export interface ClusterOptions {
  nodes: number;
  /** Extra environment for every node. */
  env?: Record<string, string>;
}

export const PUBLISH_KEY = 'cluster-test-key';

/**
 * A real cluster on this machine: Debian's redis-server, `nodes` rigcast-hub processes (the CLI
 * from source) on it, and Debian's nginx in front with the shipped configuration. Torn down by
 * {@link stop}.
 */
export class Cluster {
  private constructor(
    readonly redis: RedisServer,
    readonly nodes: HubNode[],
    readonly nginx: NginxServer,
  ) {}

  static async start(options: ClusterOptions): Promise<Cluster> {
    const redis = await RedisServer.start();
    const started: HubNode[] = [];
    try {
      const nodes = await Promise.all(
        Array.from({ length: options.nodes }, (_, i) =>
          HubNode.start({ publishKey: PUBLISH_KEY, redisUrl: redis.url, env: options.env, name: `node ${i + 1}` }).then((node) => {
            started.push(node);
            return node;
          }),
        ),
      );
      const nginx = await NginxServer.start({ hubPorts: nodes.map((node) => node.port) });
      return new Cluster(redis, nodes, nginx);
    } catch (error) {
      await Promise.all(started.map((node) => node.stop()));
      await redis.stop();
      throw error;
    }
  }

  /** The address clients use: nginx. */
  get url(): string {
    return this.nginx.url;
  }

  /** Each node's open connections by role, from its /metrics. */
  async connectionsByNode(): Promise<{ viewers: number; publishers: number }[]> {
    return Promise.all(
      this.nodes.map(async (node) => {
        if (!node.running) return { viewers: 0, publishers: 0 };
        const text = await node.metrics();
        return { viewers: metricValue(text, 'rigcast_connections', { role: 'viewer' }), publishers: metricValue(text, 'rigcast_connections', { role: 'publisher' }) };
      }),
    );
  }

  async stop(): Promise<void> {
    await this.nginx.stop();
    await Promise.all(this.nodes.map((node) => node.stop()));
    await this.redis.stop();
  }
}

/** One metric from Prometheus text: the sum over the series whose labels include `labels` (0 when none). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelText = match[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) sum += Number(match[3]);
  }
  return sum;
}
