import { LatenessHistogram } from './LatenessHistogram.js';
import type { RecordedFrame } from './Recording.js';
import { ReplaySchedule, type ReplayOptions, type ScheduledFrame } from './ReplaySchedule.js';

/**
 * How late a frame may be before the player stops trying to catch up: after a stall (a busy
 * machine, a laptop waking up) the performance resumes where it was instead of sending the
 * missed frames in a burst.
 */
export const MAX_REPLAY_LATENESS_MS = 250;

/** A frame this close to its time is sent now rather than after another timer. */
const EARLY_MS = 0.5;

/** What a {@link RecordingPlayer} plays into, and what it reports. */
export interface RecordingPlayerOptions extends ReplayOptions {
  /** Sends one frame's bytes; returns false when the frame was dropped (e.g. not connected). */
  send(bytes: Uint8Array): boolean | void;
  /**
   * What to do with frames that are overdue when a newer one is due too (a busy page that draws a
   * few times a second). False (the default, for sockets): send every frame, one per timer turn,
   * and after a stall of more than {@link MAX_REPLAY_LATENESS_MS} carry on from where it stopped.
   * True (for a page, which only shows the newest): skip to the newest due frame, so the
   * performance keeps its pace however rarely the timer runs.
   */
  skipLate?: boolean;
  /** Called once when a replay that does not loop has sent its last frame. */
  onEnd?(): void;
}

/** What a player has done so far. */
export interface ReplayStats {
  /** Frames handed to `send` that it took. */
  sent: number;
  /** Frames `send` refused (dropped). */
  dropped: number;
  /** Frames skipped for a newer one ({@link RecordingPlayerOptions.skipLate}). */
  skipped: number;
  /** How many times the player fell over {@link MAX_REPLAY_LATENESS_MS} behind and resumed from there (not with `skipLate`). */
  stalls: number;
  /** Passes started (1 on the first frame; more when looping). */
  passes: number;
}

/**
 * Plays a recording in real time into `send`: each frame at its recorded arrival time (divided by
 * the speed) after the first, with the bytes {@link ReplaySchedule} gives. Timers aim at each
 * frame's own due time, so errors never add up; every frame's lateness is counted for
 * {@link RecordingPlayer.latenessQuantile}. Works in browsers and Node.
 * @example
 * const player = new RecordingPlayer(readRecording(bytes).frames, { loop: true, send: (b) => client.send(b) });
 * player.start();
 */
export class RecordingPlayer {
  readonly stats: ReplayStats = { sent: 0, dropped: 0, skipped: 0, stalls: 0, passes: 0 };
  private readonly schedule: ReplaySchedule;
  private readonly lateness = new LatenessHistogram(MAX_REPLAY_LATENESS_MS);
  private pending: ScheduledFrame | null = null;
  private origin = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    frames: readonly RecordedFrame[],
    private readonly options: RecordingPlayerOptions,
  ) {
    this.schedule = new ReplaySchedule(frames, options);
  }

  /** True between {@link start} and the end or {@link stop}. */
  get playing(): boolean {
    return this.running;
  }

  /** Starts playing now, from the first frame. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.pending = this.schedule.next();
    if (!this.pending) {
      this.running = false;
      this.options.onEnd?.();
      return;
    }
    this.origin = performance.now() - this.pending.atMs;
    this.tick();
  }

  /** Stops at once; nothing more is sent. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * The q-quantile (0.5 for the median, 0.99 for p99) of how late frames were handed to `send`,
   * ms, to 0.1 ms; NaN before the first frame.
   */
  latenessQuantile(q: number): number {
    return this.lateness.quantile(q);
  }

  /**
   * Sends the pending frame once it is due, then waits for the next one. One frame per timer
   * turn, even when late: a socket that is still writing the frame before drops a frame sent in
   * the same turn (volatile sends), so a late burst goes out one turn apart instead; or, with
   * `skipLate`, only the newest due frame.
   */
  private readonly tick = (): void => {
    this.timer = undefined;
    let frame = this.pending;
    if (!this.running || !frame) return;
    const now = performance.now();
    if (this.origin + frame.atMs > now + EARLY_MS) {
      this.timer = setTimeout(this.tick, this.origin + frame.atMs - now);
      return;
    }
    let next = this.schedule.next();
    if (this.options.skipLate) {
      while (next && this.origin + next.atMs <= now + EARLY_MS) {
        this.countPass(frame);
        this.stats.skipped++;
        frame = next;
        next = this.schedule.next();
      }
    } else if (now - (this.origin + frame.atMs) > MAX_REPLAY_LATENESS_MS) {
      this.origin = now - frame.atMs;
      this.stats.stalls++;
    }
    this.countPass(frame);
    this.lateness.add(now - (this.origin + frame.atMs));
    if (this.options.send(frame.bytes) === false) this.stats.dropped++;
    else this.stats.sent++;
    this.pending = next;
    if (!next) {
      this.running = false;
      this.options.onEnd?.();
      return;
    }
    this.timer = setTimeout(this.tick, Math.max(0, this.origin + next.atMs - performance.now()));
  };

  private countPass(frame: ScheduledFrame): void {
    if (frame.index === 0) this.stats.passes++;
  }
}
