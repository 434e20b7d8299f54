/**
 * `pnpm cluster`: a rigcast cluster on this machine, to try scale-out before deploying it:
 * Debian's redis-server, three hub nodes on it (the built hub, as `pnpm start` runs it) and nginx
 * in front with deploy/nginx's configuration. Prints the URLs; Ctrl+C stops everything.
 *
 *   pnpm cluster [-- --nodes=3 --port=8080]     (RIGCAST_PUBLISH_KEY keeps a key across runs)
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { HubNode } from './HubNode.js';
import { NginxServer } from './NginxServer.js';
import { RedisServer } from './RedisServer.js';

const DEFAULT_NODES = 3;
const DEFAULT_PORT = 8080;
const MAX_NODES = 16;
const KEY_BYTES = 18;

function option(name: string, fallback: number): number {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = given === undefined ? fallback : Number(given);
  if (!Number.isInteger(value) || value < 1 || (name === 'nodes' && value > MAX_NODES) || value > 65535) {
    throw new Error(`--${name} must be a whole number${name === 'nodes' ? ` from 1 to ${MAX_NODES}` : ' port'}, got "${given}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const nodes = option('nodes', DEFAULT_NODES);
  const port = option('port', DEFAULT_PORT);
  if (!HubNode.isBuilt) throw new Error('the hub is not built; run "npx -y pnpm@10.34.8 run build" (pnpm cluster does) first');
  const publishKey = process.env.RIGCAST_PUBLISH_KEY || randomBytes(KEY_BYTES).toString('base64url');
  const models = resolve('models');
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write('\nstopping nginx, the hub nodes and Redis…\n');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const redis = await RedisServer.start();
    stoppers.push(() => redis.stop());
    const hubs = await Promise.all(
      Array.from({ length: nodes }, (_, i) =>
        HubNode.start({ publishKey, redisUrl: redis.url, built: true, name: `node ${i + 1}`, cliArgs: ['--models-dir', models] }),
      ),
    );
    for (const hub of hubs) stoppers.push(() => hub.stop());
    const nginx = await NginxServer.start({ port, hubPorts: hubs.map((hub) => hub.port) });
    stoppers.push(() => nginx.stop());
    const room = 'main';
    process.stdout.write(
      [
        `rigcast cluster: nginx on ${nginx.url} → ${nodes} hub nodes → Redis ${redis.url}`,
        '',
        '  Tracker (keep private, it carries the publish key):',
        `    ${nginx.url}/tracker/?room=${room}&key=${encodeURIComponent(publishKey)}`,
        '  Avatar (open several; nginx spreads them over the nodes):',
        `    ${nginx.url}/avatar/?room=${room}`,
        '',
        ...hubs.map((hub, i) => `  node ${i + 1}: ${hub.url}   health ${hub.url}/healthz   metrics ${hub.url}/metrics`),
        '',
        '  Press Ctrl+C to stop everything.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().catch((error: Error) => {
  process.stderr.write(`rigcast cluster: ${error.message}\n`);
  process.exit(1);
});
