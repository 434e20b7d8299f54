import { createNeutralFace, type RigFrame } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { SourceStats } from '../SourceStats';
import { SourceStatus } from '../SourceStatus';
import { TrackerPipeline } from '../TrackerPipeline';
import type { TrackerSource } from '../TrackerSource';

const VIDEO = { videoWidth: 640, videoHeight: 480 };
const TIME_ORIGIN = 1_700_000_000_000;

/**
 * A source whose detections finish when the test says so, and that writes down what the pipeline
 * asks of it. TrackerSource is an interface: this is one more implementation of it, not a mock.
 */
class ScriptedSource implements TrackerSource {
  readonly stats = new SourceStats();
  /** The face is required, as in the page; pose and hands are not. */
  readonly required: boolean;
  enabled = true;
  /** Whether it wants each frame (the hands' `wantsDetection`); undefined leaves the method out. */
  wants: boolean | undefined = undefined;
  /** Detections in flight, oldest first. */
  readonly inFlight: { resolve(): void; reject(error: Error): void }[] = [];
  readonly timestamps: number[] = [];

  constructor(
    readonly name: string,
    private readonly log: string[],
    private readonly loadResult: () => Promise<void> = async () => {},
  ) {
    this.required = name === 'face';
    this.stats.status = SourceStatus.Ready;
  }

  async load(): Promise<void> {
    this.log.push(`load ${this.name}`);
    this.stats.status = SourceStatus.Loading;
    try {
      await this.loadResult();
      this.stats.status = SourceStatus.Ready;
    } catch (error) {
      this.stats.status = SourceStatus.Failed;
      throw error;
    }
  }

  get wantsDetection(): ((timestampMs: number) => boolean) | undefined {
    return this.wants === undefined ? undefined : () => this.wants!;
  }

  detect(_video: HTMLVideoElement, timestampMs: number): Promise<void> {
    this.log.push(`detect ${this.name}`);
    this.timestamps.push(timestampMs);
    return new Promise((resolve, reject) => this.inFlight.push({ resolve, reject }));
  }

  /** The timestamps it was solved at. */
  readonly solvedAt: number[] = [];

  solve(frame: RigFrame, timestampMs: number): void {
    this.log.push(`solve ${this.name}`);
    this.solvedAt.push(timestampMs);
    // A later source reads what an earlier one wrote: here, whether the face is already there.
    if (this.name === 'face') frame.face = createNeutralFace();
    else this.log.push(`${this.name} sees face: ${frame.face !== undefined}`);
  }

  keep(): void {
    this.log.push(`keep ${this.name}`);
  }

  clear(frame: RigFrame): void {
    this.log.push(`clear ${this.name}`);
    if (this.name === 'face') frame.face = undefined;
  }

  draw(): void {}
  close(): void {}

  /** Finishes the oldest detection in flight. */
  finish(error?: Error): void {
    const next = this.inFlight.shift()!;
    if (error) next.reject(error);
    else next.resolve();
  }
}

/** A pipeline over `names` with a clock the test moves, and what it published or reported. */
function setUp(names: string[], cores = 8) {
  const log: string[] = [];
  const sources = names.map((name) => new ScriptedSource(name, log));
  const published: { seq: number; time: number; face: boolean }[] = [];
  const errors: unknown[] = [];
  const clock = { now: 1000, timeOrigin: TIME_ORIGIN };
  const pipeline = new TrackerPipeline(
    sources,
    {
      onFrame: (frame) => published.push({ seq: frame.seq, time: frame.time, face: frame.face !== undefined }),
      onError: (error) => errors.push(error),
    },
    { now: () => clock.now, timeOrigin: clock.timeOrigin },
    cores,
  );
  return { log, sources, published, errors, clock, pipeline };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Real time passing: the pipeline's wait for optional models runs on a real timer. */
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TrackerPipeline', () => {
  it('starts every source\'s detection on the frame at once, then solves in list order, stamps and publishes once', async () => {
    const { log, sources, published, pipeline } = setUp(['face', 'pose', 'hands']);
    const [face, pose, hands] = sources;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(500);
    await settle();
    // All three in flight together, on the same timestamp.
    expect(log).toEqual(['detect face', 'detect pose', 'detect hands']);
    expect(new Set(sources.map((source) => source.timestamps[0])).size).toBe(1);
    // They finish in reverse order; nothing is solved until the last one is in.
    hands.finish();
    pose.finish();
    await settle();
    expect(log).toHaveLength(3);
    expect(published).toHaveLength(0);
    face.finish();
    await settle();
    expect(log.slice(3)).toEqual(['solve face', 'solve pose', 'pose sees face: true', 'solve hands', 'hands sees face: true']);
    expect(published).toEqual([{ seq: 1, time: TIME_ORIGIN + 500, face: true }]);
  });

  it('keeps one frame in flight: frames that arrive meanwhile wait, and only the newest one', async () => {
    const { sources, published, clock, pipeline } = setUp(['face']);
    const [face] = sources;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(500);
    await settle();
    pipeline.onVideoFrame(533);
    pipeline.onVideoFrame(566);
    await settle();
    expect(face.inFlight).toHaveLength(1);
    face.finish();
    await settle();
    // The newest waiting frame goes next, with a later timestamp even if the clock stood still.
    expect(face.inFlight).toHaveLength(1);
    face.finish();
    await settle();
    expect(published.map((frame) => frame.time - TIME_ORIGIN)).toEqual([500, 566]);
    expect(published.map((frame) => frame.seq)).toEqual([1, 2]);
    expect(face.timestamps).toEqual([clock.now, clock.now + 1]);
  });

  it('skips a disabled or not-ready source and clears its part; a source enabled at run time joins the next frame', async () => {
    const { log, sources, published, pipeline } = setUp(['face', 'pose']);
    const [face, pose] = sources;
    face.enabled = false;
    pose.stats.status = SourceStatus.Loading;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(500);
    await settle();
    expect(log).toEqual(['clear face', 'clear pose']);
    expect(published).toEqual([{ seq: 1, time: TIME_ORIGIN + 500, face: false }]);

    face.enabled = true;
    pose.stats.status = SourceStatus.Ready;
    pipeline.onVideoFrame(533);
    await settle();
    expect(log.slice(2)).toEqual(['detect face', 'detect pose']);
    face.finish();
    pose.finish();
    await settle();
    expect(published[1]).toEqual({ seq: 2, time: TIME_ORIGIN + 533, face: true });
  });

  it('a failed detection stops the pipeline and is reported once every detection has settled; nothing is published', async () => {
    const { sources, published, errors, pipeline } = setUp(['face', 'pose']);
    const [face, pose] = sources;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(500);
    await settle();
    face.finish(new Error('face detection failed: out of memory'));
    await settle();
    expect(errors).toHaveLength(0); // the pose's frame is still in flight
    pose.finish();
    await settle();
    expect(errors).toEqual([new Error('face detection failed: out of memory')]);
    expect(pipeline.isRunning).toBe(false);
    expect(published).toHaveLength(0);
    pipeline.onVideoFrame(533);
    await settle();
    expect(face.inFlight).toHaveLength(0);
  });

  it('loads the enabled sources at once; a required source\'s failure is reported after all have settled', async () => {
    const log: string[] = [];
    let finishPose!: () => void;
    const face = new ScriptedSource('face', log, () => Promise.reject(new Error('Could not load the face model')));
    const pose = new ScriptedSource('pose', log, () => new Promise<void>((resolve) => (finishPose = resolve)));
    const hands = new ScriptedSource('hands', log);
    hands.enabled = false;
    const pipeline = new TrackerPipeline([face, pose, hands], { onFrame: () => {}, onError: () => {} }, performance, 8);
    let outcome: unknown = 'pending';
    pipeline.load().then(
      () => (outcome = 'loaded'),
      (error: Error) => (outcome = error.message),
    );
    await settle();
    expect(log).toEqual(['load face', 'load pose']);
    expect(outcome).toBe('pending');
    finishPose();
    await settle();
    expect(outcome).toBe('Could not load the face model');
  });

  it('an optional source whose model fails is left out, and the others track', async () => {
    const log: string[] = [];
    const published: number[] = [];
    const face = new ScriptedSource('face', log);
    const pose = new ScriptedSource('pose', log, () => Promise.reject(new Error('Could not load the pose model')));
    const pipeline = new TrackerPipeline([face, pose], { onFrame: (frame) => published.push(frame.seq), onError: () => {} }, performance, 8);
    await expect(pipeline.load()).resolves.toBeUndefined();
    expect(pose.stats.status).toBe(SourceStatus.Failed);
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(1);
    await settle();
    face.finish();
    await settle();
    expect(published).toEqual([1]);
    expect(log.slice(2)).toEqual(['detect face', 'solve face', 'clear pose']);
  });

  it('switched on at run time, a source that never loaded loads, and joins the frames once ready', async () => {
    const log: string[] = [];
    let finishHands!: () => void;
    const face = new ScriptedSource('face', log);
    const hands = new ScriptedSource('hands', log, () => new Promise<void>((resolve) => (finishHands = resolve)));
    hands.enabled = false;
    hands.stats.status = SourceStatus.Off;
    const pipeline = new TrackerPipeline([face, hands], { onFrame: () => {}, onError: () => {} }, performance, 8);
    await pipeline.load();
    pipeline.start(VIDEO);
    pipeline.setEnabled(hands, true);
    expect(log).toEqual(['load face', 'load hands']);
    pipeline.onVideoFrame(1);
    await settle();
    face.finish();
    await settle();
    expect(log.slice(2)).toEqual(['detect face', 'solve face', 'clear hands']);
    finishHands();
    await settle();
    pipeline.onVideoFrame(2);
    await settle();
    expect(log.slice(5)).toEqual(['detect face', 'detect hands']);
    face.finish();
    hands.finish();
    await settle();
    expect(log.slice(7)).toEqual(['solve face', 'solve hands', 'hands sees face: true']);
  });

  it('composes after every source solved and before the frame goes out', async () => {
    const log: string[] = [];
    const face = new ScriptedSource('face', log);
    const pose = new ScriptedSource('pose', log);
    const pipeline = new TrackerPipeline(
      [face, pose],
      {
        onFrame: () => log.push('publish'),
        onError: () => {},
        compose: (frame) => log.push(`compose, face: ${frame.face !== undefined}`),
      },
      performance,
      8,
    );
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(1);
    await settle();
    face.finish();
    pose.finish();
    await settle();
    expect(log).toEqual(['detect face', 'detect pose', 'solve face', 'solve pose', 'pose sees face: true', 'compose, face: true', 'publish']);
  });

  it('with two cores, runs the face on every frame and the pose and hands in turn; the one waiting keeps its part', async () => {
    const { log, sources, published, pipeline } = setUp(['face', 'pose', 'hands'], 2);
    const [face, pose, hands] = sources;
    pipeline.start(VIDEO);
    const run = async (capture: number, running: ScriptedSource[]) => {
      log.length = 0;
      pipeline.onVideoFrame(capture);
      await settle();
      for (const source of running) source.finish();
      await settle();
    };
    await run(1, [face, pose]);
    expect(log).toEqual(['detect face', 'detect pose', 'solve face', 'solve pose', 'pose sees face: true', 'keep hands']);
    await run(2, [face, hands]);
    expect(log).toEqual(['detect face', 'detect hands', 'solve face', 'keep pose', 'solve hands', 'hands sees face: true']);
    await run(3, [face, pose]);
    expect(log.slice(0, 2)).toEqual(['detect face', 'detect pose']);
    // A source that does not want the frame (no wrist in view) takes no core: the pose runs every frame.
    hands.wants = false;
    await run(4, [face, pose, hands]);
    expect(log).toEqual(['detect face', 'detect pose', 'detect hands', 'solve face', 'solve pose', 'pose sees face: true', 'solve hands', 'hands sees face: true']);
    await run(5, [face, pose, hands]);
    expect(log.slice(0, 3)).toEqual(['detect face', 'detect pose', 'detect hands']);
    expect(published.map((frame) => frame.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('times each frame\'s detection from its models starting to the last one finishing, whichever models ran on it', async () => {
    const { sources, clock, pipeline } = setUp(['face', 'pose'], 2);
    const [face, pose] = sources;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(500);
    await settle();
    clock.now += 20;
    face.finish();
    await settle();
    clock.now += 30; // the pose, the slower model, finishes 50 ms after both started
    pose.finish();
    await settle();
    expect(pipeline.detectMs.value).toBe(50);
    expect(pipeline.queueMs.value).toBe(1000 - 500);
  });

  it('a slow optional model does not hold the frame: it finishes in the background, keeping its core, and its part joins the next frame at its own time', async () => {
    const { log, sources, published, clock, pipeline } = setUp(['face', 'pose', 'hands'], 2);
    const [face, pose, hands] = sources;
    pose.stats.status = SourceStatus.Off;
    pose.enabled = false;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(1);
    await settle();
    const handsTimestamp = hands.timestamps[0];
    clock.now += 5; // the face took 5 ms: the frame waits at most 2.5 ms more for the hands
    face.finish();
    await wait(40);
    expect(published.map((frame) => frame.seq)).toEqual([1]);
    expect(log).toEqual(['detect face', 'detect hands', 'solve face', 'clear pose', 'keep hands']);

    // The next frame: the hands are still busy, keep their core, and are not started again.
    pose.stats.status = SourceStatus.Ready;
    pose.enabled = true;
    log.length = 0;
    pipeline.onVideoFrame(2);
    await settle();
    expect(log).toEqual(['detect face']);
    face.finish();
    await wait(20);
    expect(log).toEqual(['detect face', 'solve face', 'keep pose', 'keep hands']);

    // The hands come in between frames: the next frame solves them at their own frame's timestamp.
    hands.finish();
    await settle();
    log.length = 0;
    pipeline.onVideoFrame(3);
    await settle();
    expect(log).toEqual(['detect face', 'detect pose']);
    face.finish();
    pose.finish();
    await settle();
    expect(log.slice(2)).toEqual(['solve face', 'solve pose', 'pose sees face: true', 'solve hands', 'hands sees face: true']);
    expect(hands.solvedAt).toEqual([handsTimestamp]);
    expect(face.solvedAt.at(-1)).toBeGreaterThan(handsTimestamp);
    expect(published.map((frame) => frame.seq)).toEqual([1, 2, 3]);
  });

  it('a background detection\'s failure stops the pipeline on the next frame, once nothing is in flight', async () => {
    const { sources, published, errors, clock, pipeline } = setUp(['face', 'hands'], 2);
    const [face, hands] = sources;
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(1);
    await settle();
    clock.now += 1;
    face.finish();
    await wait(20);
    expect(published).toHaveLength(1);
    hands.finish(new Error('hands detection failed: out of memory'));
    await settle();
    pipeline.onVideoFrame(2);
    await settle();
    expect(face.inFlight).toHaveLength(0); // no model starts on a frame after a failure
    expect(errors).toEqual([new Error('hands detection failed: out of memory')]);
    expect(pipeline.isRunning).toBe(false);
    expect(published).toHaveLength(1);
  });

  it('with one core, the required face still runs, and the others wait', async () => {
    const { log, sources, pipeline } = setUp(['face', 'pose'], 1);
    pipeline.start(VIDEO);
    pipeline.onVideoFrame(1);
    await settle();
    sources[0].finish();
    await settle();
    expect(log).toEqual(['detect face', 'solve face', 'keep pose']);
  });
});
