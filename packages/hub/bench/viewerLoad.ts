/**
 * Child process of the hub benchmark: a share of the viewers, as real socket.io-client
 * websocket connections. It reads seq and send time from each frame (the binary header, or
 * the JSON object for the baseline) and keeps a latency histogram and per-viewer counts.
 */
import { io, type Socket } from 'socket.io-client';
import { RelayKind, type GeneratorMessage, type ViewerPlan } from './BenchMessages';
import { LatencyHistogram } from './LatencyHistogram';

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 20_000;
/** Byte offsets in the binary frame header (see FrameLayout in @rigcast/protocol). */
const SEQ_OFFSET = 2;
const TIME_OFFSET = 6;

const clock = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const histogram = new LatencyHistogram();
let received = new Uint32Array(0);
let lastSeq = new Float64Array(0);
let disordered = 0;
let plan: ViewerPlan;

function onFrame(viewer: number, seq: number, sentAt: number): void {
  const now = clock();
  if (seq <= lastSeq[viewer]) disordered++;
  lastSeq[viewer] = seq;
  if (seq < plan.fromSeq || seq >= plan.toSeq) return;
  received[viewer]++;
  histogram.add(now - sentAt);
}

function connectViewer(index: number): Promise<boolean> {
  const auth = plan.kind === RelayKind.Rigcast ? { room: plan.room, role: 'viewer' } : {};
  const socket = io(plan.url, { transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS });
  sockets.push(socket);
  if (plan.kind === RelayKind.Rigcast) {
    socket.on('frame', (bytes: Buffer) => {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      onFrame(index, view.getUint32(SEQ_OFFSET, true), view.getFloat64(TIME_OFFSET, true));
    });
  } else {
    socket.on('frame', (frame: { seq: number; time: number }) => onFrame(index, frame.seq, frame.time));
  }
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
}

process.on('message', async (message: ViewerPlan | { type: 'report' } | { type: 'stop' }) => {
  if (message.type === 'plan') {
    plan = message;
    received = new Uint32Array(plan.viewers);
    lastSeq = new Float64Array(plan.viewers).fill(-1);
    let failed = 0;
    for (let start = 0; start < plan.viewers; start += CONNECT_BATCH) {
      const batch = [];
      for (let i = start; i < Math.min(plan.viewers, start + CONNECT_BATCH); i++) batch.push(connectViewer(i));
      failed += (await Promise.all(batch)).filter((ok) => !ok).length;
    }
    cpuMark = process.cpuUsage();
    timeMark = performance.now();
    const reply: GeneratorMessage = { type: 'connected', viewers: plan.viewers - failed, failed };
    process.send!(reply);
  } else if (message.type === 'report') {
    const cpu = process.cpuUsage(cpuMark);
    const reply: GeneratorMessage = {
      type: 'results',
      histogram: histogram.toJSON(),
      receivedPerViewer: Array.from(received),
      disordered,
      cpuPercent: ((cpu.user + cpu.system) / ((performance.now() - timeMark) * 1000)) * 100,
    };
    process.send!(reply);
  } else if (message.type === 'stop') {
    for (const socket of sockets) socket.disconnect();
    setTimeout(() => process.exit(0), 100);
  }
});
let cpuMark = process.cpuUsage();
let timeMark = performance.now();
