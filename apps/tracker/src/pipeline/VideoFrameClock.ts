import { InputKind, type VideoInput } from '../input/VideoInput';

/**
 * Calls back once for every new frame the input's `<video>` shows, with its capture time: through
 * `requestVideoFrameCallback` where the browser has it, else on every display frame whose video
 * time moved (a camera always counts as moving).
 */
export class VideoFrameClock {
  private running = false;
  private lastVideoTime = -1;

  constructor(
    private readonly input: VideoInput,
    /** Gets the frame's capture time on the `performance.now()` clock. */
    private readonly onFrame: (captureMs: number) => void,
  ) {}

  start(): void {
    this.running = true;
    this.lastVideoTime = -1;
    this.schedule();
  }

  stop(): void {
    this.running = false;
  }

  private schedule(): void {
    const video = this.input.video;
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(this.onVideoFrame);
    else requestAnimationFrame(this.onAnimationFrame);
  }

  private readonly onAnimationFrame = (now: number): void => {
    if (!this.running) return;
    const time = this.input.video.currentTime;
    if (time !== this.lastVideoTime || this.input.kind === InputKind.Camera) {
      this.lastVideoTime = time;
      this.onVideoFrame(now);
    } else {
      this.schedule();
    }
  };

  private readonly onVideoFrame = (now: number, metadata?: VideoFrameCallbackMetadata): void => {
    if (!this.running) return;
    this.schedule();
    this.onFrame(metadata?.captureTime ?? metadata?.presentationTime ?? now);
  };
}
