import { InputKind, type VideoInput } from '../input/VideoInput';
import type { TrackerPipeline } from '../pipeline/TrackerPipeline';
import type { VideoFrameClock } from '../pipeline/VideoFrameClock';
import type { TrackerSettings } from '../settings/TrackerSettings';
import { TrackerStatus } from '../ui/TrackerState';

/** What the page does when the session changes. */
export interface TrackerSessionEvents {
  /** Tracking started (true) or stopped (false). */
  onRunning(running: boolean): void;
  /** A camera started: its list can be filled now that labels are allowed. */
  onCameraStarted(): Promise<void>;
}

/**
 * The tracker's run: loads the sources, starts the input (a picked file, the `?video=`, or the
 * camera) and the pipeline, stops them, and says what stopped them. Starts run one after
 * another, and a start that a stop overtakes gives up.
 */
export class TrackerSession {
  status: TrackerStatus = TrackerStatus.Idle;
  /** What stops the pipeline (camera, video, model), for the user; empty when nothing does. */
  error = '';
  /** Bumped by every stop (each start begins with one), so that a start overtaken by a stop gives up. */
  private generation = 0;
  private starting: Promise<void> = Promise.resolve();
  private ready: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly input: VideoInput,
    private readonly pipeline: TrackerPipeline,
    private readonly clock: VideoFrameClock,
    private readonly settings: TrackerSettings,
    private readonly events: TrackerSessionEvents,
  ) {
    input.onCameraLost = (error) => {
      this.stop();
      this.fail(error);
    };
  }

  /** True while frames are being tracked. */
  get running(): boolean {
    return this.pipeline.isRunning;
  }

  /** Loads every source's model and detector (progress shows in their stats). */
  loadSources(): void {
    this.status = TrackerStatus.LoadingModel;
    this.ready = this.pipeline.load().then(
      () => {
        if (this.status === TrackerStatus.LoadingModel) this.status = TrackerStatus.Idle;
        return true;
      },
      (error) => {
        this.fail(error);
        return false;
      },
    );
  }

  /** Starts the input (`file`, else the video when one is set, else the camera) and tracking, after any start under way. */
  start(file?: File): Promise<void> {
    this.starting = this.starting.then(() => this.startNow(file));
    return this.starting;
  }

  stop(): void {
    this.generation++;
    this.pipeline.stop();
    this.clock.stop();
    if (this.input.kind !== InputKind.None) {
      this.input.stop();
      this.status = TrackerStatus.Stopped;
    }
    this.events.onRunning(false);
  }

  /** Stops tracking because of `error`, and shows its message. */
  fail(error: unknown): void {
    this.pipeline.stop();
    this.clock.stop();
    this.status = TrackerStatus.Error;
    this.error = error instanceof Error ? error.message : String(error);
    this.events.onRunning(false);
    console.warn('rigcast tracker:', this.error);
  }

  private async startNow(file?: File): Promise<void> {
    this.stop();
    const mine = this.generation;
    this.error = '';
    const ready = await this.ready;
    if (!ready || mine !== this.generation) return;
    this.status = TrackerStatus.StartingInput;
    const { input, settings } = this;
    try {
      if (file) await input.startFile(file);
      else if (settings.video) await input.startFile(new URL(settings.video, location.href).href);
      else {
        await input.startCamera(settings.cameraId);
        await this.events.onCameraStarted();
      }
    } catch (error) {
      if (mine === this.generation) this.fail(error);
      return;
    }
    if (mine !== this.generation) {
      // Stopped while the camera or video was starting.
      input.stop();
      return;
    }
    this.status = TrackerStatus.Running;
    this.pipeline.start(input.video);
    this.clock.start();
    this.events.onRunning(true);
  }
}
