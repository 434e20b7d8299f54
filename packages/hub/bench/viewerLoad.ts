/**
 * Child process of the hub benchmark: a share of the viewers. They are light viewers (raw `ws`
 * WebSockets speaking the Engine.IO / Socket.IO wire protocol themselves, see lightViewer.ts),
 * so that a generator costs far less CPU than the relay it loads. Each reads seq and send time
 * from each frame (the binary header, or the JSON text for the baseline) into a latency
 * histogram and per-viewer counts.
 *
 * The checking generator (plan.check) also runs one real socket.io-client viewer, and checks one
 * light viewer in full: every frame decoded (decodeFrame / frameFromJSON), seq continuous, and
 * the same bytes (or JSON) as the socket.io-client viewer got for the same seq.
 */
import { SEQ_OFFSET, TIME_OFFSET, decodeFrame, frameFromJSON } from '@rigcast/protocol';
import { isDeepStrictEqual } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type WebSocket from 'ws';
import { RelayKind, type FrameCheck, type GeneratorMessage, type ViewerPlan } from './BenchMessages';
import { clock } from './benchChildren';
import { LatencyHistogram } from './LatencyHistogram';
import { connectLightViewer } from './lightViewer';

const CONNECT_BATCH = 100;
const CONNECT_TIMEOUT_MS = 20_000;
/** Where the event's argument starts in `42["frame",{…}]`, and the trailing `]`. */
const JSON_ARGUMENT_OFFSET = '42["frame",'.length;
const JSON_PACKET_TAIL = 1;
const SEQ_KEY = Buffer.from('"seq":');
const TIME_KEY = Buffer.from('"time":');
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;

const ioSockets: Socket[] = [];
const lightSockets: WebSocket[] = [];
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

/** The number after `key` in a JSON text packet, read without parsing the whole packet. */
function jsonNumber(packet: Buffer, key: Buffer): number {
  const start = packet.indexOf(key, JSON_ARGUMENT_OFFSET) + key.length;
  let end = start;
  while (end < packet.length && packet[end] !== COMMA && packet[end] !== CLOSE_BRACE) end++;
  return Number(packet.toString('latin1', start, end));
}

/** The frames (raw bytes, or the JSON argument's text) one viewer got, by seq, for the check. */
type Recorded = Map<number, Buffer | string>;
const check = { ioFrames: new Map() as Recorded, lightFrames: new Map() as Recorded, decodeErrors: 0, decoded: 0, gaps: 0, lastSeq: -1 };
const inWindow = (seq: number) => seq >= plan.fromSeq && seq < plan.toSeq;

/** Full check of one light viewer's frame: decodes, seq continuous, recorded for comparison. */
function checkLightFrame(seq: number, frame: Buffer | string): void {
  try {
    if (typeof frame === 'string') frameFromJSON(JSON.parse(frame));
    else decodeFrame(frame);
    check.decoded++;
  } catch {
    check.decodeErrors++;
  }
  if (inWindow(seq) && check.lastSeq >= plan.fromSeq && seq !== check.lastSeq + 1) check.gaps++;
  check.lastSeq = seq;
  if (inWindow(seq)) check.lightFrames.set(seq, typeof frame === 'string' ? frame : Buffer.from(frame));
}

function connectLight(index: number, checked: boolean): Promise<boolean> {
  const onBinaryFrame = (bytes: Buffer) => {
    const seq = bytes.readUInt32LE(SEQ_OFFSET);
    onFrame(index, seq, bytes.readDoubleLE(TIME_OFFSET));
    if (checked) checkLightFrame(seq, bytes);
  };
  const onJsonFrame = (packet: Buffer) => {
    const seq = jsonNumber(packet, SEQ_KEY);
    onFrame(index, seq, jsonNumber(packet, TIME_KEY));
    if (checked) checkLightFrame(seq, packet.toString('utf8', JSON_ARGUMENT_OFFSET, packet.length - JSON_PACKET_TAIL));
  };
  return connectLightViewer(plan.kind, plan.url, plan.room, { onBinaryFrame, onJsonFrame }, CONNECT_TIMEOUT_MS).then((socket) => {
    if (socket) lightSockets.push(socket);
    return socket !== null;
  });
}

/** The real socket.io-client viewer of the check; counts like any other viewer. */
function connectIoClient(index: number): Promise<boolean> {
  const auth = plan.kind === RelayKind.Rigcast ? { room: plan.room, role: 'viewer' } : {};
  const socket = io(plan.url, { transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS });
  ioSockets.push(socket);
  if (plan.kind === RelayKind.Rigcast) {
    socket.on('frame', (bytes: Buffer) => {
      const seq = bytes.readUInt32LE(SEQ_OFFSET);
      onFrame(index, seq, bytes.readDoubleLE(TIME_OFFSET));
      if (inWindow(seq)) check.ioFrames.set(seq, Buffer.from(bytes));
    });
  } else {
    socket.on('frame', (frame: { seq: number; time: number }) => {
      onFrame(index, frame.seq, frame.time);
      if (inWindow(frame.seq)) check.ioFrames.set(frame.seq, JSON.stringify(frame));
    });
  }
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
}

function checkResult(): FrameCheck {
  let compared = 0;
  let mismatches = 0;
  for (const [seq, ioFrame] of check.ioFrames) {
    const lightFrame = check.lightFrames.get(seq);
    if (lightFrame === undefined) continue;
    compared++;
    const same =
      typeof ioFrame === 'string' || typeof lightFrame === 'string'
        ? isDeepStrictEqual(JSON.parse(String(ioFrame)), JSON.parse(String(lightFrame)))
        : ioFrame.equals(lightFrame);
    if (!same) mismatches++;
  }
  return { ioClient: check.ioFrames.size > 0 || ioSockets.length > 0, compared, mismatches, decodeErrors: check.decodeErrors, decoded: check.decoded, gaps: check.gaps };
}

process.on('message', async (message: ViewerPlan | { type: 'report' } | { type: 'stop' }) => {
  if (message.type === 'plan') {
    plan = message;
    received = new Uint32Array(plan.viewers);
    lastSeq = new Float64Array(plan.viewers).fill(-1);
    const withIoClient = plan.check && plan.kind !== RelayKind.Floor && plan.viewers >= 2;
    const checkedLight = plan.check ? (withIoClient ? 1 : 0) : -1;
    let failed = 0;
    for (let start = 0; start < plan.viewers; start += CONNECT_BATCH) {
      const batch = [];
      for (let i = start; i < Math.min(plan.viewers, start + CONNECT_BATCH); i++) {
        batch.push(withIoClient && i === 0 ? connectIoClient(i) : connectLight(i, i === checkedLight));
      }
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
      check: plan.check ? checkResult() : undefined,
    };
    process.send!(reply);
  } else if (message.type === 'stop') {
    for (const socket of ioSockets) socket.disconnect();
    for (const socket of lightSockets) socket.terminate();
    setTimeout(() => process.exit(0), 100);
  }
});
let cpuMark = process.cpuUsage();
let timeMark = performance.now();
