import type { RigFrame } from '@rigcast/protocol';
import { RateMeter } from '../stats/RateMeter';
import { SmoothedValue } from '../stats/SmoothedValue';
import { SourceStatus } from './SourceStatus';
import type { TrackerSource } from './TrackerSource';

/** The window the pipeline's fps is counted over, ms. */
const FPS_WINDOW_MS = 2000;

/** What the pipeline needs of the `<video>` it tracks. */
export type TrackedVideo = Pick<HTMLVideoElement, 'videoWidth' | 'videoHeight'>;

/** What the page does with the pipeline's output. */
export interface TrackerPipelineEvents {
  /** A frame is solved and stamped (`seq`, `time`): publish it. The frame is reused for the next one. */
  onFrame(frame: RigFrame): void;
  /** Detection or solving failed; the pipeline has stopped. */
  onError(error: unknown): void;
}

/**
 * Turns video frames into RigFrames through a list of sources (face now; pose and hands next).
 * For each video frame it starts every enabled, ready source's detection on that frame at once
 * (each in its own worker, so the models share the cores), waits for all, then solves each source
 * into the one shared frame in list order, stamps `seq` and the capture `time`, and hands the
 * frame on. A frame that arrives while one is in flight waits, and only the newest one waits.
 */
export class TrackerPipeline {
  /** The frame every source writes its part of; published after each video frame. */
  readonly frame: RigFrame = { seq: 0, time: 0 };
  /** Frames solved per second. */
  readonly fps = new RateMeter(FPS_WINDOW_MS);
  /** Smoothed time to solve one frame (every source), ms. */
  readonly solveMs = new SmoothedValue();
  private running = false;
  private video: TrackedVideo | undefined;
  private inFlight = false;
  private framePending = false;
  private pendingCaptureMs = 0;
  private lastTimestampMs = 0;
  /** This frame's sources and their detections, reused from frame to frame. */
  private readonly active: TrackerSource[] = [];
  private readonly detections: Promise<unknown>[] = [];

  constructor(
    /** The sources, in the order they solve (a later one may read what an earlier one wrote). */
    readonly sources: readonly TrackerSource[],
    private readonly events: TrackerPipelineEvents,
    /** The clock `timestampMs` and the capture time come from (a page's `performance`). */
    private readonly clock: Pick<Performance, 'now' | 'timeOrigin'> = performance,
  ) {}

  /** True between {@link start} and {@link stop} (or an error). */
  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Loads every enabled source at once (each reports its own progress). Resolves when all are
   * ready; rejects with the first failure once all have settled.
   */
  async load(): Promise<void> {
    const results = await Promise.allSettled(this.sources.filter((source) => source.enabled).map((source) => source.load()));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
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
    if (!this.inFlight) void this.process();
  }

  private async process(): Promise<void> {
    const video = this.video;
    if (!video) return;
    this.framePending = false;
    this.inFlight = true;
    const captureMs = this.pendingCaptureMs;
    // MediaPipe's VIDEO mode needs strictly increasing timestamps.
    const timestampMs = Math.max(this.clock.now(), this.lastTimestampMs + 1);
    this.lastTimestampMs = timestampMs;
    try {
      await this.detectAll(video as HTMLVideoElement, timestampMs);
      if (!this.running) return;
      const frame = this.frame;
      const solveStart = this.clock.now();
      for (const source of this.sources) {
        if (this.active.includes(source)) {
          const start = this.clock.now();
          source.solve(frame, timestampMs, video.videoWidth, video.videoHeight);
          source.stats.solveMs.add(this.clock.now() - start);
        } else {
          source.clear(frame);
        }
      }
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
      this.inFlight = false;
    }
    if (this.framePending && this.running) void this.process();
  }

  /** Starts every enabled, ready source's detection on this frame, and waits for all of them. */
  private async detectAll(video: HTMLVideoElement, timestampMs: number): Promise<void> {
    const { active, detections } = this;
    active.length = 0;
    detections.length = 0;
    for (const source of this.sources) {
      if (source.enabled && source.stats.status === SourceStatus.Ready) active.push(source);
    }
    for (const source of active) detections.push(source.detect(video, timestampMs));
    // Settle all before reporting a failure, so that no detector is left with a frame in flight.
    const results = await Promise.allSettled(detections);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  }
}
