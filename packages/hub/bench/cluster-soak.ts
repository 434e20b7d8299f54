/**
 * Cluster soak (a script, not part of the test run): redis-server, three hub nodes and nginx on
 * this machine; 500 viewers through nginx; one publisher at 60 Hz through nginx, for 10 minutes.
 * Checks that every reading viewer got every frame, and that each node's heap and RSS stay flat
 * (under 10 % growth from the first minute after warm-up to the last); prints the figures.
 *
 *   pnpm soak:cluster [--minutes=10] [--viewers=500] [--warmup=60]
 *
 * Uses the built hub when there is one (pnpm run build), else the source.
 */
import { loadavg } from 'node:os';
import { encodeFrame } from '@rigcast/protocol';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { HubNode } from '../../../scripts/cluster/HubNode';
import { NginxServer } from '../../../scripts/cluster/NginxServer';
import { RedisServer } from '../../../scripts/cluster/RedisServer';
import { RelayKind, type GeneratorMessage, type ViewerPlan } from './BenchMessages';
import { child, reply, sleep, stopChild } from './benchChildren';
import { PUBLISH_HZ, makeFrame } from './benchFrame';
import { LatencyHistogram } from './LatencyHistogram';

const NODES = 3;
const GENERATORS = 2;
const ROOM = 'soak';
const PUBLISH_KEY = 'soak-key';
const SAMPLE_MS = 5000;
/** Frames of the first seconds are not counted (viewers all joined before, but the path warms up). */
const COUNT_FROM_S = 2;
const MAX_GROWTH = 0.1;
/** After the last frame, the counts are read again every DRAIN_STEP_MS until they stop moving, for at most DRAIN_MAX_MS. */
const DRAIN_STEP_MS = 2000;
const DRAIN_MAX_MS = 60_000;
const MB = 2 ** 20;

function parseArgs(argv: string[]): { minutes: number; viewers: number; warmupS: number } {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const minutes = Number(get('minutes') ?? 10);
  const viewers = Number(get('viewers') ?? 500);
  const warmupS = Number(get('warmup') ?? 60);
  if (!(minutes > 0) || !Number.isInteger(viewers) || viewers < GENERATORS || !(warmupS >= 0) || warmupS + 2 * (SAMPLE_MS / 1000) > minutes * 60) {
    throw new Error('usage: cluster-soak [--minutes=10] [--viewers=500] [--warmup=60 (seconds, well under the run)]');
  }
  return { minutes, viewers, warmupS };
}

/** One reading of a node's memory. */
interface Sample {
  atS: number;
  heapMB: number[];
  rssMB: number[];
  /** Each node's longest event-loop stall since the previous sample, ms. */
  lagMaxMs: number[];
  redisMB: number;
}

function metric(text: string, name: string): number {
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const built = HubNode.isBuilt;
  console.log(`cluster soak: ${NODES} nodes (${built ? 'built hub' : 'hub from source'}) on one Redis behind nginx, ${args.viewers} viewers, 1 publisher at ${PUBLISH_HZ} Hz, ${args.minutes} min; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const redisServer = await RedisServer.start();
  const redis = new Redis(redisServer.url);
  const nodes = await Promise.all(Array.from({ length: NODES }, (_, i) => HubNode.start({ publishKey: PUBLISH_KEY, redisUrl: redisServer.url, built, name: `node ${i + 1}` })));
  const nginx = await NginxServer.start({ hubPorts: nodes.map((n) => n.port) });
  const generators = Array.from({ length: GENERATORS }, () => child('viewerLoad.ts'));
  let publisher: Socket | undefined;
  try {
    const totalFrames = Math.round(args.minutes * 60 * PUBLISH_HZ);
    const fromSeq = COUNT_FROM_S * PUBLISH_HZ;
    const connected = generators.map((g) => reply<Extract<GeneratorMessage, { type: 'connected' }>>(g, 'connected'));
    generators.forEach((g, i) => {
      const share = Math.floor(args.viewers / GENERATORS) + (i < args.viewers % GENERATORS ? 1 : 0);
      const plan: ViewerPlan = { type: 'plan', kind: RelayKind.Rigcast, url: nginx.url, viewers: share, room: ROOM, fromSeq, toSeq: totalFrames, check: i === 0 };
      g.send(plan);
    });
    const joined = (await Promise.all(connected)).reduce((sum, r) => sum + r.viewers, 0);
    const perNode = await Promise.all(nodes.map(async (n) => metric(await n.metrics(), 'rigcast_connections\\{role="viewer"\\}')));
    console.log(`viewers connected: ${joined} of ${args.viewers}, per node ${perNode.join(' / ')}`);

    publisher = io(nginx.url, { transports: ['websocket'], auth: { room: ROOM, role: 'publisher', key: PUBLISH_KEY }, forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      publisher!.once('connect', resolve);
      publisher!.once('connect_error', reject);
    });
    const samples: Sample[] = [];
    const started = performance.now();
    const sample = async () => {
      const texts = await Promise.all(nodes.map((n) => n.metrics()));
      const memory = await redis.info('memory');
      samples.push({
        atS: (performance.now() - started) / 1000,
        heapMB: texts.map((t) => metric(t, 'nodejs_heap_size_used_bytes') / MB),
        rssMB: texts.map((t) => metric(t, 'process_resident_memory_bytes') / MB),
        lagMaxMs: texts.map((t) => metric(t, 'nodejs_eventloop_lag_max_seconds') * 1000),
        redisMB: Number(/used_memory:(\d+)/.exec(memory)?.[1] ?? Number.NaN) / MB,
      });
      const s = samples.at(-1)!;
      console.log(`  ${f1(s.atS).padStart(6)} s  heap ${s.heapMB.map(f1).join(' / ')} MB  RSS ${s.rssMB.map(f1).join(' / ')} MB  Redis ${f1(s.redisMB)} MB`);
    };
    const sampler = setInterval(() => {
      sample().catch((error: Error) => console.log(`  (a sample failed: ${error.message})`));
    }, SAMPLE_MS);
    const period = 1000 / PUBLISH_HZ;
    let due = performance.now();
    let late = 0;
    for (let seq = 0; seq < totalFrames; seq++) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -period) late++;
      due = Math.max(due + period, performance.now() + period / 2);
      publisher.emit('frame', encodeFrame(makeFrame(seq)));
    }
    clearInterval(sampler);
    await sleep(1000);
    await sample();
    // Where frames went: a hub skips a viewer whose socket backs up (it is not reading), by design.
    const hubTexts = await Promise.all(nodes.map((n) => n.metrics()));
    const sum = (name: string) => hubTexts.map((t) => {
      let total = 0;
      for (const m of t.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) total += Number(m[1]);
      return total;
    });

    // Frames still on their way count as lost; on a busy machine the viewers can be seconds behind,
    // so ask again until the counts stop moving (at most DRAIN_MAX_MS).
    const report = () =>
      Promise.all(
        generators.map((g) => {
          const r = reply<Extract<GeneratorMessage, { type: 'results' }>>(g, 'results');
          g.send({ type: 'report' });
          return r;
        }),
      );
    const total = (rs: Extract<GeneratorMessage, { type: 'results' }>[]) => rs.reduce((sum, r) => sum + r.receivedPerViewer.reduce((a, b) => a + b, 0), 0);
    let results = await report();
    for (const drainStart = performance.now(); performance.now() - drainStart < DRAIN_MAX_MS; ) {
      await sleep(DRAIN_STEP_MS);
      const again = await report();
      const settled = total(again) === total(results);
      results = again;
      if (settled) break;
    }
    const histogram = new LatencyHistogram();
    const received = results.flatMap((r) => {
      histogram.mergeJSON(r.histogram);
      return r.receivedPerViewer;
    });
    const window = totalFrames - fromSeq;
    const lost = received.map((n) => window - n);
    const totalLost = lost.reduce((a, b) => a + b, 0);
    const disordered = results.reduce((sum, r) => sum + r.disordered, 0);
    const check = results[0].check!;

    const afterWarmup = samples.filter((s) => s.atS >= args.warmupS);
    const first = afterWarmup.filter((s) => s.atS < args.warmupS + 60);
    const last = afterWarmup.filter((s) => s.atS >= afterWarmup.at(-1)!.atS - 60);
    // The heap saws up and down with each collection: its lowest reading in a window is the
    // closest to what is live. RSS moves slowly: its mean.
    const growth = (pick: (s: Sample) => number[], of: (values: number[]) => number) =>
      nodes.map((_, i) => of(last.map((s) => pick(s)[i])) / of(first.map((s) => pick(s)[i])) - 1);
    const heapGrowth = growth((s) => s.heapMB, (values) => Math.min(...values));
    const rssGrowth = growth((s) => s.rssMB, mean);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

    console.log(`\nframes published: ${totalFrames} (${late} publish ticks more than a period late); counted from seq ${fromSeq}: ${window} per viewer`);
    console.log(`loss: ${totalLost} frames over ${received.length} viewers (max ${Math.max(...lost)} for one viewer); out of order or repeated: ${disordered}`);
    console.log(`latency publish → viewer: p50 ${f1(histogram.percentile(50))} ms, p99 ${f1(histogram.percentile(99))} ms, max ${f1(histogram.max)} ms`);
    console.log(`check: socket.io-client vs light viewer ${check.compared} frames compared, ${check.mismatches} differ; decoded ${check.decoded}, refused ${check.decodeErrors}, seq gaps ${check.gaps}`);
    console.log(`hubs: viewer skips ${sum('rigcast_viewer_skips_total').join(' / ')}, catch-ups ${sum('rigcast_viewer_catchups_total').join(' / ')}, ` +
      `Redis publish skips ${sum('rigcast_redis_publish_skips_total').join(' / ')}, stale ${sum('rigcast_redis_stale_frames_total').join(' / ')}, ` +
      `longest event-loop stall ${nodes.map((_, i) => Math.max(...samples.map((x) => x.lagMaxMs[i])).toFixed(0)).join(' / ')} ms`);
    console.log(`heap growth (lowest reading), first minute after ${args.warmupS} s warm-up → last minute: ${heapGrowth.map(pct).join(' / ')}`);
    console.log(`RSS growth (mean), same minutes: ${rssGrowth.map(pct).join(' / ')}`);
    const flat = [...heapGrowth, ...rssGrowth].every((g) => g < MAX_GROWTH);
    console.log(`\n${totalLost === 0 && disordered === 0 ? 'PASS' : 'FAIL'}: zero loss for reading viewers`);
    console.log(`${flat ? 'PASS' : 'FAIL'}: heap and RSS growth under ${MAX_GROWTH * 100} % after warm-up`);
    process.exitCode = totalLost === 0 && disordered === 0 && flat ? 0 : 1;
  } finally {
    publisher?.disconnect();
    await Promise.all(generators.map(stopChild));
    await nginx.stop();
    await Promise.all(nodes.map((n) => n.stop()));
    redis.disconnect();
    await redisServer.stop();
  }
}

await main();
