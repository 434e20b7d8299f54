import { SEQ_OFFSET, TIME_OFFSET } from '../codec/FrameLayout.js';
import type { RecordedFrame } from './Recording.js';

/** How a recording is played back. */
export interface ReplayOptions {
  /** Start over after the last frame, until stopped. Default false. */
  loop?: boolean;
  /** Playback speed: 2 plays twice as fast, 0.5 at half speed. Default 1. */
  speed?: number;
}

/** The slowest and fastest playback speeds. */
export const MIN_REPLAY_SPEED = 1 / 16;
export const MAX_REPLAY_SPEED = 16;

/** One frame to send, and when. */
export interface ScheduledFrame {
  /** When to send it, ms of playback after the first frame was sent. */
  atMs: number;
  /** What to send: the recorded bytes themselves, or a copy with `seq` and `time` rewritten. */
  bytes: Uint8Array;
  /** Which pass over the recording this is, 0 first. */
  pass: number;
  /** The frame's index in the recording. */
  index: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function header(bytes: Uint8Array): { seq: number; time: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { seq: view.getUint32(SEQ_OFFSET, true), time: view.getFloat64(TIME_OFFSET, true) };
}

/**
 * The frames of a replay, in order, with their send times. Timing follows the recorded arrival
 * times (divided by the speed). The bytes are the recorded bytes, except that `seq` and `time`
 * are rewritten where viewers would otherwise see the stream go backwards or run at the wrong
 * rate:
 * - at speed 1, the first pass sends every frame byte for byte as recorded;
 * - at another speed, `time` is rescaled about the first frame's, so its steps match the new pace;
 * - from the second pass of a loop on, `seq` continues where the pass before ended, and `time`
 *   moves on by one pass, so both keep increasing across the seam. A pass follows the one before
 *   after one typical (median) frame interval.
 * Pure: it keeps no clock; {@link RecordingPlayer} sends what it yields.
 */
export class ReplaySchedule {
  /** Playback time from one pass's first frame to the next pass's first frame, ms (at speed 1). */
  readonly passMs: number;
  private readonly speed: number;
  private readonly loop: boolean;
  private readonly firstArrival: number;
  private readonly firstTime: number;
  private readonly seqStep: number;
  private readonly timeStep: number;
  private index = 0;
  private pass = 0;

  constructor(
    private readonly frames: readonly RecordedFrame[],
    options: ReplayOptions = {},
  ) {
    const speed = options.speed ?? 1;
    if (!(speed >= MIN_REPLAY_SPEED && speed <= MAX_REPLAY_SPEED)) {
      throw new RangeError(`replay speed must be from ${MIN_REPLAY_SPEED} to ${MAX_REPLAY_SPEED}, got ${speed}`);
    }
    this.speed = speed;
    this.loop = options.loop ?? false;
    const first = frames[0];
    const last = frames[frames.length - 1];
    this.firstArrival = first?.arrivalMs ?? 0;
    const arrivalSteps: number[] = [];
    const timeSteps: number[] = [];
    for (let i = 1; i < frames.length; i++) {
      arrivalSteps.push(frames[i].arrivalMs - frames[i - 1].arrivalMs);
      timeSteps.push(header(frames[i].bytes).time - header(frames[i - 1].bytes).time);
    }
    const firstHeader = first ? header(first.bytes) : { seq: 0, time: 0 };
    const lastHeader = last ? header(last.bytes) : firstHeader;
    this.firstTime = firstHeader.time;
    this.passMs = (last?.arrivalMs ?? 0) - this.firstArrival + median(arrivalSteps);
    this.seqStep = ((lastHeader.seq - firstHeader.seq) >>> 0) + 1;
    this.timeStep = Math.max(0, lastHeader.time - firstHeader.time) + Math.max(0, median(timeSteps));
  }

  /** The next frame to send, or null when the replay is over (never, when looping a non-empty recording). */
  next(): ScheduledFrame | null {
    if (this.index >= this.frames.length) {
      if (!this.loop || this.frames.length === 0) return null;
      this.index = 0;
      this.pass++;
    }
    const index = this.index++;
    const { arrivalMs, bytes } = this.frames[index];
    const atMs = (arrivalMs - this.firstArrival + this.pass * this.passMs) / this.speed;
    return { atMs, bytes: this.rewrite(bytes), pass: this.pass, index };
  }

  private rewrite(bytes: Uint8Array): Uint8Array {
    if (this.pass === 0 && this.speed === 1) return bytes;
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    const { seq, time } = header(bytes);
    if (this.pass > 0) view.setUint32(SEQ_OFFSET, (seq + this.pass * this.seqStep) >>> 0, true);
    const shifted = time - this.firstTime + this.pass * this.timeStep;
    view.setFloat64(TIME_OFFSET, Math.max(0, this.firstTime + shifted / this.speed), true);
    return copy;
  }
}
