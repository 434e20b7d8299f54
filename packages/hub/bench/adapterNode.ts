/** Child process of the cluster benchmark: one node of the Socket.IO Redis adapter relay (adapterRelay.ts). */
import { startAdapterRelay } from './adapterRelay';
import type { ServerReady } from './BenchMessages';

const [redisUrl, publishKey] = process.argv.slice(2);
const relay = await startAdapterRelay(redisUrl, publishKey);
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void relay.close().then(() => process.exit(0));
});
const ready: ServerReady = { type: 'ready', url: relay.url, publishKey };
process.send!(ready);
