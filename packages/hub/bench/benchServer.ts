/**
 * Child process of the hub benchmark: runs one relay (the rigcast hub, the naive baseline or the floor)
 * and reports its CPU and heap over IPC, so the load it carries is measured apart from the
 * load generators.
 */
import { createHub } from '../src/index';
import { RelayKind, type ServerReady, type ServerStats } from './BenchMessages';
import { startFloorRelay } from './floorRelay';
import { startNaiveRelay } from './naiveRelay';

const HEAP_SAMPLE_MS = 250;
const MB = 1024 * 1024;

const kind = process.argv[2] as RelayKind;
const server =
  kind === RelayKind.Rigcast
    ? await createHub({ port: 0, publishKey: 'bench-key' }).then((hub) => ({ url: hub.url, close: hub.close, publishKey: hub.publishKey }))
    : await (kind === RelayKind.Floor ? startFloorRelay() : startNaiveRelay()).then((relay) => ({ ...relay, publishKey: '' }));

let markCpu = process.cpuUsage();
let markTime = performance.now();
let heapMax = 0;
setInterval(() => {
  heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
}, HEAP_SAMPLE_MS).unref();

const COUNTERS = [
  'rigcast_frames_in_total',
  'rigcast_frames_relayed_total',
  'rigcast_frames_dropped_total',
  'rigcast_viewer_skips_total',
  'rigcast_viewer_catchups_total',
  'rigcast_frame_deliveries_total',
];

async function readCounters(): Promise<Record<string, number>> {
  if (kind !== RelayKind.Rigcast) return {};
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const counters: Record<string, number> = {};
  for (const name of COUNTERS) {
    // A labelled counter prints one line per label value, and none until the first increment,
    // so sum its lines and read a declared counter with no lines as 0.
    const lines = [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))];
    const declared = text.includes(`# TYPE ${name} counter`);
    counters[name.replace(/^rigcast_|_total$/g, '')] = declared ? lines.reduce((sum, line) => sum + Number(line[1]), 0) : Number.NaN;
  }
  return counters;
}

process.on('message', async (message: { type: string }) => {
  if (message.type === 'mark') {
    markCpu = process.cpuUsage();
    markTime = performance.now();
    heapMax = process.memoryUsage().heapUsed;
  } else if (message.type === 'stats') {
    const cpu = process.cpuUsage(markCpu);
    const wallUs = (performance.now() - markTime) * 1000;
    const memory = process.memoryUsage();
    const stats: ServerStats = {
      type: 'stats',
      cpuPercent: ((cpu.user + cpu.system) / wallUs) * 100,
      heapMaxMB: Math.max(heapMax, memory.heapUsed) / MB,
      rssMB: memory.rss / MB,
      counters: await readCounters(),
    };
    process.send!(stats);
  } else if (message.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
const ready: ServerReady = { type: 'ready', url: server.url, publishKey: server.publishKey };
process.send!(ready);
