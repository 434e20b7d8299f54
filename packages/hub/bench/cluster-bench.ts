/**
 * Cluster benchmark (not a test): one publisher at 60 Hz on node 1 of three hub nodes on one
 * Redis; viewers on the publisher's node (same node) and on node 2 (cross node, through Redis),
 * and one viewer on node 3 (a node that only relays: what one Redis hop costs a node). For
 * rigcast (hub processes, raw pub/sub) and, in the same run, the same relay on Socket.IO's Redis
 * adapter (sharded, dynamic channels), to compare.
 *
 *   pnpm bench:cluster [--viewers=200] [--seconds=20] [--only=rigcast,adapter]
 *
 * Prints one-way latency p50/p99 per side (publish to receive, one machine so one clock), frames
 * lost, each node's CPU, Redis's CPU and messages a second, and the per-delivery and per-hop costs
 * the README's capacity model is built from. On this 2-core machine more nodes cannot carry more
 * viewers than one; the point is the cost of the hop.
 */
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { encodeFrame } from '@rigcast/protocol';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { HubNode } from '../../../scripts/cluster/HubNode';
import { RedisServer } from '../../../scripts/cluster/RedisServer';
import { RelayKind, type GeneratorMessage, type ServerReady, type ViewerPlan } from './BenchMessages';
import { child, reply, sleep, stopChild } from './benchChildren';
import { PUBLISH_HZ, makeFrame } from './benchFrame';
import { LatencyHistogram } from './LatencyHistogram';
import { processCpuSeconds } from './processCpu';

const NODES = 3;
const WARMUP_S = 2;
/** CPU is read this long with the viewers connected and nothing published: each node's idle cost. */
const IDLE_S = 3;
const DRAIN_MS = 1000;
const ROOM = 'bench';
const PUBLISH_KEY = 'bench-key';
const US_PER_S = 1e6;

const ClusterRelay = { Rigcast: 'rigcast', Adapter: 'adapter' } as const;
type ClusterRelay = (typeof ClusterRelay)[keyof typeof ClusterRelay];

interface Args {
  viewers: number;
  seconds: number;
  relays: ClusterRelay[];
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const viewers = Number(get('viewers') ?? 200);
  const seconds = Number(get('seconds') ?? 20);
  const only = get('only')?.split(',');
  const relays = (Object.values(ClusterRelay) as ClusterRelay[]).filter((r) => !only || only.includes(r));
  if (!Number.isInteger(viewers) || viewers < 2 || !(seconds > 0) || relays.length === 0) {
    throw new Error('usage: cluster-bench [--viewers=200 (≥ 2, on each of nodes 1 and 2)] [--seconds=20] [--only=rigcast,adapter]');
  }
  return { viewers, seconds, relays };
}

/** A running node: its URL and pid, and how to stop it. */
interface BenchNode {
  url: string;
  pid: number;
  /** The node's own counters (rigcast only: the adapter relay has no /metrics). */
  counters(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

const NODE_COUNTERS = [
  'rigcast_frames_in_total',
  'rigcast_frame_deliveries_total',
  'rigcast_viewer_skips_total',
  'rigcast_viewer_catchups_total',
  'rigcast_redis_publishes_total',
  'rigcast_redis_publish_skips_total',
  'rigcast_redis_frames_in_total',
  'rigcast_redis_stale_frames_total',
  'nodejs_eventloop_lag_max_seconds',
];

async function readCounters(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counters: Record<string, number> = {};
  for (const name of NODE_COUNTERS) {
    const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    counters[name.replace(/^rigcast_|^nodejs_|_total$/g, '')] = value === undefined ? Number.NaN : Number(value);
  }
  return counters;
}

async function startNodes(relay: ClusterRelay, redisUrl: string): Promise<BenchNode[]> {
  if (relay === ClusterRelay.Rigcast) {
    const nodes = await Promise.all(Array.from({ length: NODES }, (_, i) => HubNode.start({ publishKey: PUBLISH_KEY, redisUrl, name: `node ${i + 1}` })));
    return nodes.map((node) => ({ url: node.url, pid: node.pid!, counters: () => readCounters(node.url), stop: () => node.stop() }));
  }
  return Promise.all(
    Array.from({ length: NODES }, async () => {
      const proc: ChildProcess = child('adapterNode.ts', [redisUrl, PUBLISH_KEY]);
      const ready = await reply<ServerReady>(proc, 'ready');
      return { url: ready.url, pid: proc.pid!, counters: async () => ({}), stop: () => stopChild(proc) };
    }),
  );
}

/** What Redis did: CPU seconds, PUBLISH/SPUBLISH calls, bytes in. */
async function redisCounters(redis: Redis, pid: number): Promise<{ cpu: number; messages: number; bytesIn: number }> {
  const [commands, stats] = await Promise.all([redis.info('commandstats'), redis.info('stats')]);
  const calls = (name: string) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(commands)?.[1] ?? 0);
  return {
    cpu: processCpuSeconds(pid) ?? Number.NaN,
    messages: calls('publish') + calls('spublish'),
    bytesIn: Number(/total_net_input_bytes:(\d+)/.exec(stats)?.[1] ?? 0),
  };
}

interface SideResult {
  name: string;
  viewers: number;
  p50: number;
  p99: number;
  max: number;
  lostPerViewer: number;
  lossFraction: number;
  disordered: number;
  cpuPercent: number;
  idleCpuPercent: number;
}

interface RunResult {
  relay: ClusterRelay;
  sides: SideResult[];
  /** Publish ticks more than a period late (the publisher's own process was held up). */
  lateTicks: number;
  /** Each node's counters at the end. */
  counters: Record<string, number>[];
  redisCpuPercent: number;
  messagesPerSecond: number;
  redisBytesPerFrame: number;
  check?: string;
}

async function runOne(relay: ClusterRelay, args: Args): Promise<RunResult> {
  const redisServer = await RedisServer.start();
  const redis = new Redis(redisServer.url);
  const nodes = await startNodes(relay, redisServer.url);
  const counts = [args.viewers, args.viewers, 1];
  const generators = nodes.map(() => child('viewerLoad.ts'));
  try {
    const fromSeq = WARMUP_S * PUBLISH_HZ;
    const toSeq = fromSeq + Math.round(args.seconds * PUBLISH_HZ);
    const connected = generators.map((g) => reply<Extract<GeneratorMessage, { type: 'connected' }>>(g, 'connected'));
    generators.forEach((g, i) => {
      // Light viewers speak the rigcast handshake; the adapter relay takes the same auth.
      const plan: ViewerPlan = { type: 'plan', kind: RelayKind.Rigcast, url: nodes[i].url, viewers: counts[i], room: ROOM, fromSeq, toSeq, check: i === 1 };
      g.send(plan);
    });
    const joined = await Promise.all(connected);
    if (joined.some((j, i) => j.viewers !== counts[i])) throw new Error(`viewers connected: ${joined.map((j) => j.viewers).join(', ')} of ${counts.join(', ')}`);

    const cpuAt = () => nodes.map((node) => processCpuSeconds(node.pid) ?? Number.NaN);
    const idleStart = cpuAt();
    const idleT0 = performance.now();
    await sleep(IDLE_S * 1000);
    const idleEnd = cpuAt();
    const idleCpu = idleEnd.map((c, i) => ((c - idleStart[i]) / ((performance.now() - idleT0) / 1000)) * 100);

    const publisher: Socket = io(nodes[0].url, { transports: ['websocket'], auth: { room: ROOM, role: 'publisher', key: PUBLISH_KEY }, forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      publisher.once('connect', resolve);
      publisher.once('connect_error', reject);
    });
    const period = 1000 / PUBLISH_HZ;
    let due = performance.now();
    let cpuMark: number[] = [];
    let redisMark = { cpu: 0, messages: 0, bytesIn: 0 };
    let timeMark = 0;
    let lateTicks = 0;
    for (let seq = 0; seq < toSeq; seq++) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -period) lateTicks++;
      due = Math.max(due + period, performance.now() + period / 2);
      if (seq === fromSeq) {
        cpuMark = cpuAt();
        redisMark = await redisCounters(redis, redisServer.pid!);
        timeMark = performance.now();
      }
      publisher.emit('frame', encodeFrame(makeFrame(seq)));
    }
    const seconds = (performance.now() - timeMark) / 1000;
    const cpuEnd = cpuAt();
    const redisEnd = await redisCounters(redis, redisServer.pid!);
    await sleep(DRAIN_MS);
    publisher.disconnect();
    const counters = await Promise.all(nodes.map((node) => node.counters()));

    const results = await Promise.all(
      generators.map((g) => {
        const r = reply<Extract<GeneratorMessage, { type: 'results' }>>(g, 'results');
        g.send({ type: 'report' });
        return r;
      }),
    );
    const windowFrames = toSeq - fromSeq;
    const names = ["publisher's node", 'cross node', 'relay-only node'];
    const sides = results.map((r, i): SideResult => {
      const histogram = new LatencyHistogram();
      histogram.mergeJSON(r.histogram);
      const lost = r.receivedPerViewer.reduce((sum, n) => sum + (windowFrames - n), 0);
      return {
        name: names[i],
        viewers: counts[i],
        p50: histogram.percentile(50),
        p99: histogram.percentile(99),
        max: histogram.max,
        lostPerViewer: lost / counts[i],
        lossFraction: lost / (counts[i] * windowFrames),
        disordered: r.disordered,
        cpuPercent: ((cpuEnd[i] - cpuMark[i]) / seconds) * 100,
        idleCpuPercent: idleCpu[i],
      };
    });
    const messages = redisEnd.messages - redisMark.messages;
    const c = results[1].check;
    return {
      relay,
      sides,
      counters,
      lateTicks,
      redisCpuPercent: ((redisEnd.cpu - redisMark.cpu) / seconds) * 100,
      messagesPerSecond: messages / seconds,
      redisBytesPerFrame: (redisEnd.bytesIn - redisMark.bytesIn) / (seconds * PUBLISH_HZ),
      check: c ? `cross-node check: socket.io-client vs light viewer ${c.compared} frames compared, ${c.mismatches} differ; decoded ${c.decoded}, refused ${c.decodeErrors}, seq gaps ${c.gaps}` : undefined,
    };
  } finally {
    await Promise.all(generators.map(stopChild));
    await Promise.all(nodes.map((node) => node.stop()));
    redis.disconnect();
    await redisServer.stop();
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

/** Costs in µs of CPU: per frame delivered to one viewer, per frame a node receives from Redis, per message for Redis. */
function costs(r: RunResult): { deliveryUs: number; hopUs: number; ingressUs: number; redisUs: number } {
  const [source, cross, relayOnly] = r.sides;
  const busyUs = (side: SideResult) => ((side.cpuPercent - side.idleCpuPercent) / 100) * US_PER_S;
  const deliveryUs = (busyUs(cross) - busyUs(relayOnly)) / (PUBLISH_HZ * (cross.viewers - relayOnly.viewers));
  const hopUs = busyUs(relayOnly) / PUBLISH_HZ - deliveryUs;
  const ingressUs = busyUs(source) / PUBLISH_HZ - source.viewers * deliveryUs;
  const redisUs = ((r.redisCpuPercent / 100) * US_PER_S) / r.messagesPerSecond;
  return { deliveryUs, hopUs, ingressUs, redisUs };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(
    `cluster bench: ${NODES} nodes on one Redis, 1 publisher at ${PUBLISH_HZ} Hz on node 1; viewers ${args.viewers} on node 1, ${args.viewers} on node 2, 1 on node 3; ` +
      `${args.seconds} s after ${WARMUP_S} s warm-up; ${cpus().length} cores, node ${process.version}, load average ${load()}`,
  );
  const runs: RunResult[] = [];
  for (const relay of args.relays) {
    const r = await runOne(relay, args);
    runs.push(r);
    console.log(`\n${relay}: publisher ticks late ${r.lateTicks}; Redis CPU ${f1(r.redisCpuPercent)} %, ${f1(r.messagesPerSecond)} messages/s, ${f1(r.redisBytesPerFrame)} bytes into Redis per frame`);
    for (const s of r.sides) {
      console.log(
        `  ${s.name.padEnd(17)} ${String(s.viewers).padStart(4)} viewers  p50 ${f1(s.p50)} ms  p99 ${f1(s.p99)} ms  max ${f1(s.max)} ms  ` +
          `lost/viewer ${s.lostPerViewer.toFixed(2)} (${(s.lossFraction * 100).toFixed(2)} %)  disordered ${s.disordered}  node CPU ${f1(s.cpuPercent)} % (idle ${f1(s.idleCpuPercent)} %)`,
      );
    }
    if (r.check) console.log(`  ${r.check}`);
    r.counters.forEach((c, i) => {
      if (Object.keys(c).length > 0) console.log(`  node ${i + 1} counters ${JSON.stringify(c)}`);
    });
    const c = costs(r);
    console.log(
      `  costs: ${f1(c.deliveryUs)} µs per delivery, ${f1(c.hopUs)} µs per frame a node receives from Redis, ` +
        `${f1(c.ingressUs)} µs per frame at the publisher's node (validate, publish), ${f1(c.redisUs)} µs of Redis per message (${NODES - 1} subscribers)`,
    );
  }
  console.log('\n| relay | side | viewers | p50 / p99 / max ms | lost/viewer | node CPU | Redis CPU | messages/s |');
  console.log('|---|---|---:|---|---:|---:|---:|---:|');
  for (const r of runs) {
    for (const s of r.sides) {
      console.log(`| ${r.relay} | ${s.name} | ${s.viewers} | ${f1(s.p50)} / ${f1(s.p99)} / ${f1(s.max)} | ${s.lostPerViewer.toFixed(2)} | ${f1(s.cpuPercent)} % | ${f1(r.redisCpuPercent)} % | ${f1(r.messagesPerSecond)} |`);
    }
  }
  const [rigcast, adapter] = [runs.find((r) => r.relay === ClusterRelay.Rigcast), runs.find((r) => r.relay === ClusterRelay.Adapter)];
  if (rigcast) {
    const [same, cross] = rigcast.sides;
    console.log(`\nrigcast: the Redis hop adds ${f1(cross.p50 - same.p50)} ms at p50 and ${f1(cross.p99 - same.p99)} ms at p99 (cross ÷ same p99 ${(cross.p99 / same.p99).toFixed(2)})`);
  }
  if (rigcast && adapter) {
    console.log(
      `adapter ÷ rigcast: cross-node p99 ${(adapter.sides[1].p99 / rigcast.sides[1].p99).toFixed(2)}, cross node CPU ${(adapter.sides[1].cpuPercent / rigcast.sides[1].cpuPercent).toFixed(2)}, ` +
        `Redis CPU ${(adapter.redisCpuPercent / rigcast.redisCpuPercent).toFixed(2)}, Redis bytes per frame ${(adapter.redisBytesPerFrame / rigcast.redisBytesPerFrame).toFixed(2)}`,
    );
  }
  console.log(`\nLoad average at the end: ${load()}`);
}

await main();
