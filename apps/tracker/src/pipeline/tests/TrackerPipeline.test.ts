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
  enabled = true;
  /** Detections in flight, oldest first. */
  readonly inFlight: { resolve(): void; reject(error: Error): void }[] = [];
  readonly timestamps: number[] = [];

  constructor(
    readonly name: string,
    private readonly log: string[],
    private readonly loadResult: () => Promise<void> = async () => {},
  ) {
    this.stats.status = SourceStatus.Ready;
  }

  load(): Promise<void> {
    this.log.push(`load ${this.name}`);
    return this.loadResult();
  }

  detect(_video: HTMLVideoElement, timestampMs: number): Promise<void> {
    this.log.push(`detect ${this.name}`);
    this.timestamps.push(timestampMs);
    return new Promise((resolve, reject) => this.inFlight.push({ resolve, reject }));
  }

  solve(frame: RigFrame): void {
    this.log.push(`solve ${this.name}`);
    // A later source reads what an earlier one wrote: here, whether the face is already there.
    if (this.name === 'face') frame.face = createNeutralFace();
    else this.log.push(`${this.name} sees face: ${frame.face !== undefined}`);
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
function setUp(names: string[]) {
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
  );
  return { log, sources, published, errors, clock, pipeline };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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

  it('loads the enabled sources at once, and reports the first failure after all have settled', async () => {
    const log: string[] = [];
    let finishFace!: () => void;
    const face = new ScriptedSource('face', log, () => new Promise<void>((resolve) => (finishFace = resolve)));
    const pose = new ScriptedSource('pose', log, () => Promise.reject(new Error('Could not load the pose model')));
    const hands = new ScriptedSource('hands', log);
    hands.enabled = false;
    const pipeline = new TrackerPipeline([face, pose, hands], { onFrame: () => {}, onError: () => {} });
    let outcome: unknown = 'pending';
    pipeline.load().then(
      () => (outcome = 'loaded'),
      (error: Error) => (outcome = error.message),
    );
    await settle();
    expect(log).toEqual(['load face', 'load pose']);
    expect(outcome).toBe('pending');
    finishFace();
    await settle();
    expect(outcome).toBe('Could not load the pose model');
  });
});
