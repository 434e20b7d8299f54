import { RecordingError, RecordingPlayer, readRecording, type RecordedFrame } from '@rigcast/protocol';
import { DemoState } from './DemoState';

/** The demo performance the hub serves, relative to the page at `/avatar/`. */
export const DEMO_PATH = '../models/rigcast-demo.rig';

/**
 * Decides what feeds the page's frame handler: the hub's frames, or, while the demo plays, the
 * demo performance (a recording made with the project's own tracker), looped at its recorded
 * timing. The demo plays on this page only: nothing is sent to the hub, so other viewers of the
 * room never see it, and no publish key is needed. While it plays, the hub's frames are set
 * aside, so the two never mix.
 */
export class DemoPlayer {
  state: DemoState = DemoState.Off;
  /** Why the recording did not load, with what to do; null otherwise. */
  error: string | null = null;
  /** When the last frame came from the hub (`performance.now()`), or -1. */
  lastHubFrameAt = -1;
  private frames: RecordedFrame[] | null = null;
  private player: RecordingPlayer | null = null;

  constructor(
    /** Absolute URL of the recording. */
    readonly url: string,
    /** The page's frame handler. */
    private readonly receive: (bytes: Uint8Array) => void,
    /** Called when {@link DemoPlayer.state} changes. */
    private readonly onChange: () => void,
  ) {}

  /** True while the demo plays. */
  get playing(): boolean {
    return this.state === DemoState.Playing;
  }

  /** Times the demo has started over (1 in its first pass), 0 when off. */
  get passes(): number {
    return this.player?.stats.passes ?? 0;
  }

  /** A frame from the hub: handed on, unless the demo plays. */
  fromHub(bytes: ArrayBuffer | Uint8Array): void {
    this.lastHubFrameAt = performance.now();
    if (!this.playing) this.receive(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  }

  /** Starts the demo (downloading it the first time). */
  async start(): Promise<void> {
    if (this.state === DemoState.Playing || this.state === DemoState.Loading) return;
    if (!this.frames) {
      this.set(DemoState.Loading, null);
      try {
        this.frames = await this.download();
      } catch (error) {
        this.set(DemoState.Failed, `The demo performance did not load: ${(error as Error).message}.`);
        return;
      }
    }
    // The page shows only the newest frame: a page that draws a few times a second skips frames rather than slowing the demo down.
    this.player = new RecordingPlayer(this.frames, { loop: true, skipLate: true, send: (bytes) => this.receive(bytes) });
    this.player.start();
    this.set(DemoState.Playing, null);
  }

  /** Stops the demo; the hub's frames drive the avatar again (or it idles). */
  stop(): void {
    this.player?.stop();
    this.player = null;
    if (this.state === DemoState.Playing) this.set(DemoState.Off, null);
  }

  private async download(): Promise<RecordedFrame[]> {
    let response: Response;
    try {
      response = await fetch(this.url);
    } catch {
      throw new Error(`${this.url} could not be fetched; is the hub running?`);
    }
    if (!response.ok) throw new Error(`${this.url} answered HTTP ${response.status}; the hub serves the demo once built (npx -y pnpm@10.34.8 run build)`);
    try {
      const { frames } = readRecording(new Uint8Array(await response.arrayBuffer()));
      if (frames.length === 0) throw new Error(`${this.url} holds no frames`);
      return frames;
    } catch (error) {
      if (error instanceof RecordingError) throw new Error(`${this.url} is not a usable recording (${error.message})`);
      throw error;
    }
  }

  private set(state: DemoState, error: string | null): void {
    this.state = state;
    this.error = error;
    this.onChange();
  }
}
