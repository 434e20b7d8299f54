/**
 * Hub benchmark (not a test): one publisher at 60 Hz and N viewers in one room, for the rigcast
 * hub, for a naive relay (JSON frames, non-volatile broadcast, no validation: the way
 * OpenVtuber relays), and for the floor (a raw `ws` server sending the same binary frame to
 * every client in a plain loop: what this machine can do at all), measured in the same run.
 *
 *   pnpm bench:hub [--viewers=100,500,1000,2000] [--seconds=20] [--generators=2] [--p99-target=25] [--only=floor,rigcast,naive]
 *
 * The relay runs in a child process (its CPU and heap are read over IPC); the viewers are light
 * WebSocket clients speaking the real Engine.IO / Socket.IO wire protocol (see lightViewer.ts),
 * spread over `--generators` child processes, plus one socket.io-client viewer per run as a
 * correctness check; the publisher runs here. One-way latency = receive time − the frame's `time` field, both read
 * from `performance.timeOrigin + performance.now()` (one machine, so one clock).
 */
import { cpus, loadavg } from 'node:os';
import { encodeFrame, frameToJSON, type RigFrame } from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { RelayKind, type FrameCheck, type GeneratorMessage, type ServerReady, type ServerStats, type ViewerPlan } from './BenchMessages';
import { child, reply, sleep, stopChild } from './benchChildren';
import { PUBLISH_HZ, makeFrame } from './benchFrame';
import { LatencyHistogram } from './LatencyHistogram';
import { processCpuSeconds } from './processCpu';

const WARMUP_S = 2;
const DRAIN_MS = 1000;
const ROOM = 'bench';
const MAX_LOSS_FRACTION = 0.001;

interface Args {
  viewers: number[];
  seconds: number;
  generators: number;
  p99Target: number;
  kinds: RelayKind[];
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const viewers = (get('viewers') ?? '100,500,1000,2000').split(',').map(Number);
  const seconds = Number(get('seconds') ?? 20);
  const generators = Number(get('generators') ?? 2);
  const p99Target = Number(get('p99-target') ?? 25);
  const only = get('only')?.split(',');
  if (viewers.some((n) => !Number.isInteger(n) || n < 1) || !(seconds > 0) || !(generators >= 1) || !(p99Target > 0)) {
    throw new Error('usage: hub-bench [--viewers=100,500,1000,2000] [--seconds=20] [--generators=2] [--p99-target=25] [--only=floor,rigcast,naive]');
  }
  const allKinds: RelayKind[] = [RelayKind.Floor, RelayKind.Rigcast, RelayKind.Naive];
  const kinds = only ? allKinds.filter((k) => only.includes(k)) : allKinds;
  if (kinds.length === 0) throw new Error(`--only: no relay named ${only!.join(',')}; use floor, rigcast and/or naive`);
  return { viewers, seconds, generators: Math.floor(generators), p99Target, kinds };
}

interface RunResult {
  kind: RelayKind;
  viewers: number;
  connected: number;
  p50: number;
  p99: number;
  max: number;
  lostPerViewer: number;
  maxLost: number;
  lossFraction: number;
  disordered: number;
  hubCpu: number;
  hubHeapMB: number;
  generatorCpu: number;
  counters: Record<string, number>;
  check?: FrameCheck;
}

async function runOne(kind: RelayKind, viewers: number, args: Args): Promise<RunResult> {
  const server = child('benchServer.ts', [kind]);
  const generators = Array.from({ length: Math.min(args.generators, viewers) }, () => child('viewerLoad.ts'));
  const children = [server, ...generators];
  try {
    const ready = await reply<ServerReady>(server, 'ready');
    const fromSeq = WARMUP_S * PUBLISH_HZ;
    const toSeq = fromSeq + Math.round(args.seconds * PUBLISH_HZ);
    const connectedReplies = generators.map((g) => reply<Extract<GeneratorMessage, { type: 'connected' }>>(g, 'connected'));
    generators.forEach((g, i) => {
      const share = Math.floor(viewers / generators.length) + (i < viewers % generators.length ? 1 : 0);
      const plan: ViewerPlan = { type: 'plan', kind, url: ready.url, viewers: share, room: ROOM, fromSeq, toSeq, check: i === 0 };
      g.send(plan);
    });
    const connected = (await Promise.all(connectedReplies)).reduce((sum, r) => sum + r.viewers, 0);

    const publisher = await connectPublisher(kind, ready);
    // 60 Hz on a schedule; when this process was held up it does not burst to catch up (a
    // tracker would not either), it moves the schedule on.
    const period = 1000 / PUBLISH_HZ;
    let cpuAtMark: number | undefined;
    let timeAtMark = 0;
    let due = performance.now();
    for (let seq = 0; seq < toSeq; seq++) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      due = Math.max(due + period, performance.now() + period / 2);
      if (seq === fromSeq) {
        server.send({ type: 'mark' });
        cpuAtMark = processCpuSeconds(server.pid!);
        timeAtMark = performance.now();
      }
      const frame = makeFrame(seq);
      publisher.send(frame);
    }
    const cpuAtEnd = processCpuSeconds(server.pid!);
    const hubCpu =
      cpuAtMark !== undefined && cpuAtEnd !== undefined ? ((cpuAtEnd - cpuAtMark) / ((performance.now() - timeAtMark) / 1000)) * 100 : undefined;
    const statsReply = reply<ServerStats>(server, 'stats');
    server.send({ type: 'stats' });
    const stats = await statsReply;
    await sleep(DRAIN_MS);
    publisher.close();

    const resultReplies = generators.map((g) => reply<Extract<GeneratorMessage, { type: 'results' }>>(g, 'results'));
    for (const g of generators) g.send({ type: 'report' });
    const results = await Promise.all(resultReplies);
    const histogram = new LatencyHistogram();
    const perViewer: number[] = [];
    let disordered = 0;
    let generatorCpu = 0;
    let check: FrameCheck | undefined;
    for (const r of results) {
      check ??= r.check;
      histogram.mergeJSON(r.histogram);
      perViewer.push(...r.receivedPerViewer);
      disordered += r.disordered;
      generatorCpu += r.cpuPercent;
    }
    const windowFrames = toSeq - fromSeq;
    const lost = perViewer.map((n) => windowFrames - n);
    const totalLost = lost.reduce((a, b) => a + b, 0);
    return {
      kind,
      viewers,
      connected,
      p50: histogram.percentile(50),
      p99: histogram.percentile(99),
      max: histogram.max,
      lostPerViewer: totalLost / Math.max(1, perViewer.length),
      maxLost: Math.max(0, ...lost),
      lossFraction: totalLost / Math.max(1, perViewer.length * windowFrames),
      disordered,
      hubCpu: hubCpu ?? stats.cpuPercent,
      hubHeapMB: stats.heapMaxMB,
      generatorCpu,
      counters: stats.counters,
      check,
    };
  } finally {
    await Promise.all(children.map(stopChild));
  }
}

/** The bench's publisher: socket.io-client for the Socket.IO relays, a plain WebSocket for the floor. */
interface BenchPublisher {
  send(frame: RigFrame): void;
  close(): void;
}

async function connectPublisher(kind: RelayKind, ready: ServerReady): Promise<BenchPublisher> {
  if (kind === RelayKind.Floor) {
    const socket = new WebSocket(`${ready.url.replace(/^http/, 'ws')}/publish`, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return { send: (frame) => socket.send(encodeFrame(frame)), close: () => socket.close() };
  }
  const auth = kind === RelayKind.Rigcast ? { room: ROOM, role: 'publisher', key: ready.publishKey } : {};
  const socket: Socket = io(ready.url, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return {
    send: (frame) => socket.emit('frame', kind === RelayKind.Rigcast ? encodeFrame(frame) : frameToJSON(frame)),
    close: () => socket.disconnect(),
  };
}

function checkText(c: FrameCheck | undefined): string {
  if (!c) return '';
  const io = c.ioClient ? `socket.io-client vs light viewer: ${c.compared} frames compared, ${c.mismatches} differ; ` : '';
  return `\n         check: ${io}light viewer decoded ${c.decoded}, refused ${c.decodeErrors}, seq gaps ${c.gaps}`;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

function line(r: RunResult): string {
  return (
    `${r.kind.padEnd(8)} N=${String(r.viewers).padStart(5)} (connected ${r.connected})  ` +
    `latency p50 ${f1(r.p50)} ms  p99 ${f1(r.p99)} ms  max ${f1(r.max)} ms  ` +
    `lost/viewer ${r.lostPerViewer.toFixed(2)} (max ${r.maxLost}, ${(r.lossFraction * 100).toFixed(2)} %)  ` +
    `hub CPU ${f1(r.hubCpu)} %  heap ${f1(r.hubHeapMB)} MB  load-gen CPU ${f1(r.generatorCpu)} %` +
    (Object.keys(r.counters).length ? `\n         hub counters ${JSON.stringify(r.counters)}` : '') +
    checkText(r.check)
  );
}

const loadText = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/**
 * The viewer count at which p99 reaches the target, interpolated linearly between the last
 * tested N within target and the next (runs with loss count as over target); an estimate.
 */
function interpolatedCapacity(results: RunResult[], p99Target: number): number | undefined {
  const sorted = [...results].sort((a, b) => a.viewers - b.viewers);
  const within = (r: RunResult) => r.connected === r.viewers && r.p99 <= p99Target && r.lossFraction <= MAX_LOSS_FRACTION;
  for (let i = 0; i < sorted.length; i++) {
    if (within(sorted[i])) continue;
    if (i === 0) return undefined;
    const [a, b] = [sorted[i - 1], sorted[i]];
    const bP99 = b.lossFraction > MAX_LOSS_FRACTION ? Math.max(b.p99, p99Target * 2) : b.p99;
    return a.viewers + ((p99Target - a.p99) / (bP99 - a.p99)) * (b.viewers - a.viewers);
  }
  return sorted.at(-1)?.viewers;
}

/** The largest N whose p99 is within target with (almost) no loss. */
function capacity(results: RunResult[], p99Target: number): number {
  let best = 0;
  for (const r of results) {
    if (r.connected === r.viewers && r.p99 <= p99Target && r.lossFraction <= MAX_LOSS_FRACTION) best = Math.max(best, r.viewers);
  }
  return best;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(
    `hub bench: 1 publisher at ${PUBLISH_HZ} Hz, viewers ${args.viewers.join(', ')}, ${args.seconds} s each (after ${WARMUP_S} s warm-up), ` +
      `${args.generators} load-generator process(es), ${cpus().length} cores, node ${process.version}, load average ${loadText()}`,
  );
  const all: RunResult[] = [];
  for (const kind of args.kinds) {
    for (const viewers of args.viewers) {
      const result = await runOne(kind, viewers, args);
      all.push(result);
      console.log(line(result));
    }
  }

  const byKind = (kind: RelayKind) => all.filter((r) => r.kind === kind);
  const find = (kind: RelayKind, viewers: number) => all.find((x) => x.kind === kind && x.viewers === viewers);
  const header = args.kinds.map((k) => `${k} p50 / p99 / max (ms) | lost/viewer | ${k} CPU`).join(' | ');
  console.log(`\n| viewers | ${header} | rigcast p99 ÷ floor p99 | naive p99 ÷ rigcast p99 | load-gen CPU (${args.kinds.join(' / ')}) |`);
  console.log(`|---:|${args.kinds.map(() => '---|---:|---:|').join('')}---:|---:|---|`);
  const ratio = (a?: RunResult, b?: RunResult) => (a && b ? (a.p99 / b.p99).toFixed(2) : '—');
  for (const viewers of args.viewers) {
    const cells = args.kinds.flatMap((k) => {
      const x = find(k, viewers);
      return x ? [`${f1(x.p50)} / ${f1(x.p99)} / ${f1(x.max)}`, x.lostPerViewer.toFixed(2), `${f1(x.hubCpu)} %`] : ['—', '—', '—'];
    });
    const r = find(RelayKind.Rigcast, viewers);
    const genCpu = args.kinds.map((k) => `${f1(find(k, viewers)?.generatorCpu ?? Number.NaN)} %`).join(' / ');
    console.log(`| ${viewers} | ${[...cells, ratio(r, find(RelayKind.Floor, viewers)), ratio(find(RelayKind.Naive, viewers), r), genCpu].join(' | ')} |`);
  }
  console.log(`\nLoad average at the end: ${loadText()} (other work on this machine competes with the relay and the load generators).`);
  const largest = args.kinds.map((k) => `${k} ${capacity(byKind(k), args.p99Target) || 'none'}`).join(', ');
  console.log(`\nCapacity at p99 ≤ ${args.p99Target} ms with ≤ ${MAX_LOSS_FRACTION * 100} % loss (largest tested N): ${largest}`);
  const interpolated = new Map(args.kinds.map((k) => [k, interpolatedCapacity(byKind(k), args.p99Target)]));
  const text = args.kinds.map((k) => `${k} ${interpolated.get(k) === undefined ? 'below the smallest N' : `≈ ${Math.round(interpolated.get(k)!)}`}`).join(', ');
  console.log(`Capacity at equal p99 = ${args.p99Target} ms, interpolated between tested N (at the largest N if never over): ${text}`);
  const ri = interpolated.get(RelayKind.Rigcast);
  const ni = interpolated.get(RelayKind.Naive);
  const fi = interpolated.get(RelayKind.Floor);
  const ratios = [
    ri !== undefined && ni !== undefined ? `rigcast ÷ naive ${(ri / ni).toFixed(2)}×` : undefined,
    ri !== undefined && fi !== undefined ? `rigcast ÷ floor ${(ri / fi).toFixed(2)}×` : undefined,
  ].filter(Boolean);
  if (ratios.length) console.log(`Capacity ratios: ${ratios.join(', ')}`);
}

await main();
