/**
 * Hub benchmark (not a test): one publisher at 60 Hz and N viewers in one room, for the rigcast
 * hub and for a naive relay (JSON frames, non-volatile broadcast, no validation: the way
 * OpenVtuber relays), measured in the same run.
 *
 *   pnpm bench:hub [--viewers=100,500,1000,2000] [--seconds=20] [--generators=2] [--p99-target=25] [--only=rigcast|naive]
 *
 * The relay runs in a child process (its CPU and heap are read over IPC); the viewers are real
 * socket.io-client websocket connections spread over `--generators` child processes; the
 * publisher runs here. One-way latency = receive time − the frame's `time` field, both read
 * from `performance.timeOrigin + performance.now()` (one machine, so one clock).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createNeutralFrame, encodeFrame, frameToJSON, type RigFrame } from '@rigcast/protocol';
import { io, type Socket } from 'socket.io-client';
import { RelayKind, type GeneratorMessage, type ServerReady, type ServerStats, type ViewerPlan } from './BenchMessages';
import { LatencyHistogram } from './LatencyHistogram';
import { processCpuSeconds } from './processCpu';

const PUBLISH_HZ = 60;
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
  const only = get('only');
  if (viewers.some((n) => !Number.isInteger(n) || n < 1) || !(seconds > 0) || !(generators >= 1) || !(p99Target > 0)) {
    throw new Error('usage: hub-bench [--viewers=100,500,1000,2000] [--seconds=20] [--generators=2] [--p99-target=25] [--only=rigcast|naive]');
  }
  const kinds = only === RelayKind.Rigcast || only === RelayKind.Naive ? [only] : [RelayKind.Rigcast, RelayKind.Naive];
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
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function child(file: string, args: string[] = []): ChildProcess {
  return fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function reply<T extends { type: string }>(proc: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`bench child exited (${code}) before sending ${type}`));
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.send({ type: 'stop' });
  });
}

function makeFrame(seq: number): RigFrame {
  const frame = createNeutralFrame(seq, clock());
  const face = frame.face!;
  const phase = seq / PUBLISH_HZ;
  face.head = [0.05 * Math.sin(phase), 0.1 * Math.sin(phase * 0.7), 0, 1];
  face.blendshapes.jawOpen = 0.5 + 0.5 * Math.sin(phase * 3);
  face.blendshapes.eyeBlinkLeft = face.blendshapes.eyeBlinkRight = seq % 90 < 6 ? 1 : 0;
  return frame;
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
      const plan: ViewerPlan = { type: 'plan', kind, url: ready.url, viewers: share, room: ROOM, fromSeq, toSeq };
      g.send(plan);
    });
    const connected = (await Promise.all(connectedReplies)).reduce((sum, r) => sum + r.viewers, 0);

    const auth = kind === RelayKind.Rigcast ? { room: ROOM, role: 'publisher', key: ready.publishKey } : {};
    const publisher: Socket = io(ready.url, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      publisher.once('connect', resolve);
      publisher.once('connect_error', reject);
    });
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
      publisher.emit('frame', kind === RelayKind.Rigcast ? encodeFrame(frame) : frameToJSON(frame));
    }
    const cpuAtEnd = processCpuSeconds(server.pid!);
    const hubCpu =
      cpuAtMark !== undefined && cpuAtEnd !== undefined ? ((cpuAtEnd - cpuAtMark) / ((performance.now() - timeAtMark) / 1000)) * 100 : undefined;
    const statsReply = reply<ServerStats>(server, 'stats');
    server.send({ type: 'stats' });
    const stats = await statsReply;
    await sleep(DRAIN_MS);
    publisher.disconnect();

    const resultReplies = generators.map((g) => reply<Extract<GeneratorMessage, { type: 'results' }>>(g, 'results'));
    for (const g of generators) g.send({ type: 'report' });
    const results = await Promise.all(resultReplies);
    const histogram = new LatencyHistogram();
    const perViewer: number[] = [];
    let disordered = 0;
    let generatorCpu = 0;
    for (const r of results) {
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
    };
  } finally {
    await Promise.all(children.map(stopChild));
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

function line(r: RunResult): string {
  return (
    `${r.kind.padEnd(8)} N=${String(r.viewers).padStart(5)} (connected ${r.connected})  ` +
    `latency p50 ${f1(r.p50)} ms  p99 ${f1(r.p99)} ms  max ${f1(r.max)} ms  ` +
    `lost/viewer ${r.lostPerViewer.toFixed(2)} (max ${r.maxLost}, ${(r.lossFraction * 100).toFixed(2)} %)  ` +
    `hub CPU ${f1(r.hubCpu)} %  heap ${f1(r.hubHeapMB)} MB  load-gen CPU ${f1(r.generatorCpu)} %` +
    (Object.keys(r.counters).length ? `\n         hub counters ${JSON.stringify(r.counters)}` : '')
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
  console.log('\n| viewers | rigcast p50 / p99 / max (ms) | lost/viewer | hub CPU | heap | naive p50 / p99 / max (ms) | lost/viewer | hub CPU | heap | p99 naive ÷ rigcast |');
  console.log('|---:|---|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const viewers of args.viewers) {
    const r = all.find((x) => x.kind === RelayKind.Rigcast && x.viewers === viewers);
    const n = all.find((x) => x.kind === RelayKind.Naive && x.viewers === viewers);
    const cells = (x?: RunResult) =>
      x ? [`${f1(x.p50)} / ${f1(x.p99)} / ${f1(x.max)}`, x.lostPerViewer.toFixed(2), `${f1(x.hubCpu)} %`, `${f1(x.hubHeapMB)} MB`] : ['—', '—', '—', '—'];
    const ratio = r && n ? (n.p99 / r.p99).toFixed(2) : '—';
    console.log(`| ${viewers} | ${[...cells(r), ...cells(n), ratio].join(' | ')} |`);
  }
  console.log(`\nLoad average at the end: ${loadText()} (other work on this machine competes with the hub and the load generators).`);
  if (args.kinds.length === 2) {
    const rc = capacity(byKind(RelayKind.Rigcast), args.p99Target);
    const nc = capacity(byKind(RelayKind.Naive), args.p99Target);
    const ratio = nc > 0 ? `${(rc / nc).toFixed(2)}×` : rc > 0 ? `> ${(rc / Math.min(...args.viewers)).toFixed(0)}× (naive met the target at no tested N)` : 'n/a';
    console.log(
      `\nCapacity at p99 ≤ ${args.p99Target} ms with ≤ ${MAX_LOSS_FRACTION * 100} % loss (largest tested N): rigcast ${rc || 'none'}, naive ${nc || 'none'}; ratio ${ratio}`,
    );
    const ri = interpolatedCapacity(byKind(RelayKind.Rigcast), args.p99Target);
    const ni = interpolatedCapacity(byKind(RelayKind.Naive), args.p99Target);
    if (ri !== undefined && ni !== undefined) {
      console.log(
        `Capacity at equal p99 = ${args.p99Target} ms, interpolated between tested N: rigcast ≈ ${Math.round(ri)}, naive ≈ ${Math.round(ni)} viewers; ratio ${(ri / ni).toFixed(2)}×`,
      );
    }
  }
}

await main();
