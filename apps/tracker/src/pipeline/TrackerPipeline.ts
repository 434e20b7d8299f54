import type { RigFrame } from '@rigcast/protocol';
import { RateMeter } from '../stats/RateMeter';
import { SmoothedValue } from '../stats/SmoothedValue';
import { SourceStatus } from './SourceStatus';
import type { TrackerSource } from './TrackerSource';

/** The window the pipeline's fps is counted over, ms. */
const FPS_WINDOW_MS = 2000;

/** What a source does on one frame. */
const Turn = {
  /** Off or not ready: its part is cleared. */
  Cleared: 0,
  /** Its model runs on this frame, and it solves. */
  Detects: 1,
  /** Its model waits for a free core this frame: its part stays as last solved. */
  Waits: 2,
  /** Its model is still on an earlier frame (it took longer than that frame waited): it keeps its core. */
  Busy: 3,
} as const;
type Turn = (typeof Turn)[keyof typeof Turn];

/**
 * How long a frame waits for its optional models, as a multiple of the time its required ones
 * took: past that, they finish in the background. At 0.5 a frame takes at most 1.5 times the
 * face's own time, and a pose a little slower than the face (as on a CPU) still makes its frame.
 */
export const OPTIONAL_WAIT_FACTOR = 0.5;

/** How many models run at once by default: one per core, as the browser reports them. */
function coreCount(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
}

/** What the pipeline needs of the `<video>` it tracks. */
export type TrackedVideo = Pick<HTMLVideoElement, 'videoWidth' | 'videoHeight'>;

/** What the page does with the pipeline's output. */
export interface TrackerPipelineEvents {
  /** A frame is solved and stamped (`seq`, `time`): publish it. The frame is reused for the next one. */
  onFrame(frame: RigFrame): void;
  /** Detection or solving failed; the pipeline has stopped. */
  onError(error: unknown): void;
  /**
   * Runs after every source solved and before the frame is stamped: what joins the sources' parts
   * (the head re-expressed on the torso). Allocates nothing.
   */
  compose?(frame: RigFrame): void;
}

/**
 * Turns video frames into RigFrames through a list of sources (face, pose, hands).
 * For each video frame it starts every enabled, ready source's detection on that frame at once
 * (each in its own worker, so the models share the cores), waits for them (see below), then solves each source
 * into the one shared frame in list order, stamps `seq` and the capture `time`, and hands the
 * frame on. A frame that arrives while one is in flight waits, and only the newest one waits.
 *
 * **Slow models do not hold the frame.** A frame waits for its required sources (the face), then
 * for its optional ones no longer than half as long again ({@link OPTIONAL_WAIT_FACTOR}). One that takes
 * longer (the hands on a CPU) goes on in the background, keeping its core, and its part joins the
 * first frame solved after it is in, solved at its own video frame's time; until then the frames
 * keep that part as last solved. So the face sets the frame rate, and the other models cost it
 * at most a third.
 *
 * **Sharing the cores.** At most {@link maxConcurrentModels} models run on one frame (one per core
 * by default): more would only slow each other down. Required sources (the face) run on every
 * frame; the optional ones that want the frame take the cores left in turn, the one that waited
 * longest first, and one that waits keeps its part of the frame as last solved. A source that does
 * not want a frame (the hands, with no wrist in view) does not count.
 */
export class TrackerPipeline {
  /** The frame every source writes its part of; published after each video frame. */
  readonly frame: RigFrame = { seq: 0, time: 0 };
  /** Frames solved per second. */
  readonly fps = new RateMeter(FPS_WINDOW_MS);
  /** Smoothed time to solve one frame (every source), ms. */
  readonly solveMs = new SmoothedValue();
  /** Smoothed time from a video frame's capture to the start of its detection, ms (waiting for the frame before). */
  readonly queueMs = new SmoothedValue();
  /**
   * Smoothed time from a frame's detections starting to the last one finishing, ms: the slowest
   * model that ran on that frame (the models run at once, and take turns on two cores).
   */
  readonly detectMs = new SmoothedValue();
  private running = false;
  private video: TrackedVideo | undefined;
  /** A frame is being processed (one at a time). */
  private processing = false;
  private framePending = false;
  private pendingCaptureMs = 0;
  private lastTimestampMs = 0;
  /** This frame's turn of each source, its detections, and the frame each source's model last ran on; reused. */
  private readonly turns: Turn[];
  private readonly lastRun: number[];
  /** Per source: a detection is in and not yet solved, and the timestamp of the frame it ran on. */
  private readonly unsolved: boolean[];
  private readonly detectedAtMs: number[];
  private readonly startedAtMs: number[];
  /** Per source: the detection in flight (null when none), and what settles it (made once). */
  private readonly pending: (Promise<void> | null)[];
  private readonly settleHandlers: { done: () => void; failed: (error: unknown) => void }[];
  /** A background detection's failure, reported on the next frame. */
  private failure: { error: unknown } | null = null;
  private readonly required: Promise<void>[] = [];
  private readonly optional: Promise<void>[] = [];
  private frameIndex = 0;

  constructor(
    /** The sources, in the order they solve (a later one may read what an earlier one wrote). */
    readonly sources: readonly TrackerSource[],
    private readonly events: TrackerPipelineEvents,
    /** The clock `timestampMs` and the capture time come from (a page's `performance`). */
    private readonly clock: Pick<Performance, 'now' | 'timeOrigin'> = performance,
    /** How many models may run on one frame (at least the required sources run). */
    readonly maxConcurrentModels: number = coreCount(),
  ) {
    this.turns = sources.map(() => Turn.Cleared);
    this.lastRun = sources.map(() => -1);
    this.unsolved = sources.map(() => false);
    this.detectedAtMs = sources.map(() => 0);
    this.startedAtMs = sources.map(() => 0);
    this.pending = sources.map(() => null);
    this.settleHandlers = sources.map((_, i) => ({
      done: () => {
        this.pending[i] = null;
        this.unsolved[i] = true;
        this.detectedAtMs[i] = this.startedAtMs[i];
      },
      failed: (error: unknown) => {
        this.pending[i] = null;
        this.failure ??= { error };
      },
    }));
  }

  /** True between {@link start} and {@link stop} (or an error). */
  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Loads every enabled source at once (each reports its own progress). Resolves when all are
   * settled; rejects with the first required source's failure. An optional source that fails
   * keeps its error in its stats and is left out of tracking.
   */
  async load(): Promise<void> {
    const enabled = this.sources.filter((source) => source.enabled);
    const results = await Promise.allSettled(enabled.map((source) => source.load()));
    for (let i = 0; i < results.length; i++) {
      const result = results[i];
      if (result.status === 'rejected' && enabled[i].required) throw result.reason;
    }
  }

  /**
   * Switches a source on or off while the page runs. Switched on for the first time (its model
   * not loaded), it loads now and joins the frames once ready; a load failure stays in its stats.
   */
  setEnabled(source: TrackerSource, enabled: boolean): void {
    source.enabled = enabled;
    if (enabled && source.stats.status === SourceStatus.Off) {
      source.load().catch(() => {
        // The source's stats say why; the other sources go on.
      });
    }
  }

  /** Starts tracking `video`: each {@link onVideoFrame} from now on is processed. */
  start(video: TrackedVideo): void {
    this.video = video;
    this.running = true;
    this.framePending = false;
    this.fps.reset();
  }

  stop(): void {
    this.running = false;
    this.framePending = false;
  }

  /** A new video frame, captured at `captureMs` (the clock's time): process it now, or once the frame in flight is done. */
  onVideoFrame(captureMs: number): void {
    if (!this.running) return;
    this.pendingCaptureMs = captureMs;
    this.framePending = true;
    if (!this.processing) void this.process();
  }

  private async process(): Promise<void> {
    const video = this.video;
    if (!video) return;
    this.framePending = false;
    this.processing = true;
    const captureMs = this.pendingCaptureMs;
    // MediaPipe's VIDEO mode needs strictly increasing timestamps.
    const timestampMs = Math.max(this.clock.now(), this.lastTimestampMs + 1);
    this.lastTimestampMs = timestampMs;
    this.queueMs.add(timestampMs - captureMs);
    try {
      const detectStart = this.clock.now();
      await this.detectAll(video as HTMLVideoElement, timestampMs, detectStart);
      if (!this.running) return;
      const frame = this.frame;
      const solveStart = this.clock.now();
      this.detectMs.add(solveStart - detectStart);
      for (let i = 0; i < this.sources.length; i++) {
        const source = this.sources[i];
        if (this.turns[i] === Turn.Cleared) {
          this.unsolved[i] = false;
          source.clear(frame);
        } else if (this.unsolved[i]) {
          this.unsolved[i] = false;
          const start = this.clock.now();
          source.solve(frame, this.detectedAtMs[i], video.videoWidth, video.videoHeight);
          source.stats.solveMs.add(this.clock.now() - start);
        } else {
          source.keep(frame);
        }
      }
      this.events.compose?.(frame);
      const now = this.clock.now();
      this.solveMs.add(now - solveStart);
      frame.seq = (frame.seq + 1) >>> 0;
      frame.time = this.clock.timeOrigin + captureMs;
      this.fps.tick(now);
      this.events.onFrame(frame);
    } catch (error) {
      if (this.running) {
        this.running = false;
        this.events.onError(error);
      }
      return;
    } finally {
      this.processing = false;
    }
    if (this.framePending && this.running) void this.process();
  }

  /**
   * Starts the detections of the sources whose turn it is on this frame ({@link takeTurns}), waits
   * for the required ones, then for the optional ones up to {@link OPTIONAL_WAIT_FACTOR} times as
   * long again; those still running go on in the background. A failure anywhere is thrown once no
   * detection is in flight, so that no detector is left with a frame.
   */
  private async detectAll(video: HTMLVideoElement, timestampMs: number, detectStart: number): Promise<void> {
    const { sources, turns, required, optional } = this;
    if (this.failure) await this.throwFailure();
    this.takeTurns(timestampMs);
    required.length = 0;
    optional.length = 0;
    for (let i = 0; i < sources.length; i++) {
      if (turns[i] === Turn.Detects) {
        this.startedAtMs[i] = timestampMs;
        const handlers = this.settleHandlers[i];
        this.pending[i] = sources[i].detect(video, timestampMs).then(handlers.done, handlers.failed);
      }
      const pending = this.pending[i];
      if (pending) (sources[i].required ? required : optional).push(pending);
    }
    await Promise.all(required);
    if (optional.length > 0 && !this.failure) {
      const waitMs = (this.clock.now() - detectStart) * OPTIONAL_WAIT_FACTOR;
      await waitUpTo(Promise.all(optional), waitMs);
    }
    if (this.failure) await this.throwFailure();
  }

  /** Throws the detection failure once no detection is in flight. */
  private async throwFailure(): Promise<never> {
    for (const pending of this.pending) if (pending) await pending;
    const { error } = this.failure!;
    this.failure = null;
    throw error;
  }

  /**
   * Decides each source's turn on this frame: required ones and those that do not want the frame
   * (their detection is a no-op) detect; the others that want it share the cores left, the longest
   * waiting first; the rest wait. Allocates nothing.
   */
  private takeTurns(timestampMs: number): void {
    const { sources, turns, lastRun, pending } = this;
    const frame = this.frameIndex++;
    let cores = this.maxConcurrentModels;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      if (!source.enabled || source.stats.status !== SourceStatus.Ready) {
        turns[i] = Turn.Cleared;
        // A detection still running for it is left to finish; the frames do not wait for it.
        if (pending[i]) cores--;
      } else if (pending[i]) {
        turns[i] = Turn.Busy;
        cores--;
      } else if (source.required) {
        turns[i] = Turn.Detects;
        lastRun[i] = frame;
        cores--;
      } else if (source.wantsDetection && !source.wantsDetection(timestampMs)) {
        turns[i] = Turn.Detects;
      } else {
        turns[i] = Turn.Waits;
      }
    }
    while (cores > 0) {
      let next = -1;
      for (let i = 0; i < sources.length; i++) if (turns[i] === Turn.Waits && (next < 0 || lastRun[i] < lastRun[next])) next = i;
      if (next < 0) break;
      turns[next] = Turn.Detects;
      lastRun[next] = frame;
      cores--;
    }
  }
}

/** Resolves when `promise` does or after `ms`, whichever is first. */
function waitUpTo(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
