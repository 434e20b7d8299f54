import { ClientRole, ConnectErrorCode, validateFrame, type FrameBytes } from '@rigcast/protocol';
import { HubClient, type HubClientEvents } from '@rigcast/client';
import { RecordingFileWriter } from '../file/RecordingFileWriter';
import type { HubTarget } from './HubTarget';

/** What `rigcast record` tells its user to do when the hub refuses it. */
const RECORDER_ADVICE = {
  [ConnectErrorCode.BadKey]: "pass --key with the hub's view key (RIGCAST_VIEW_KEY on the hub)",
  [ConnectErrorCode.BadRoom]: 'pass --room with 1–64 letters, digits, "-" or "_"',
};

/**
 * Records a room of a hub into a file: joins as a viewer through {@link HubClient}, and appends
 * every frame it receives, as the bytes it received, with its arrival time on a monotonic clock.
 * Bytes that are not a valid frame are counted and left out.
 */
export class HubRecorder {
  readonly client: HubClient;
  readonly writer: RecordingFileWriter;
  /** Received byte strings that were not a valid frame (not recorded). */
  invalid = 0;
  private readonly startMs: number;

  /** Creates the file (see {@link RecordingFileWriter} for `overwrite`) and connects. */
  constructor(target: HubTarget, out: { path: string; overwrite?: boolean }, events: Pick<HubClientEvents, 'onChange'> = {}) {
    this.writer = new RecordingFileWriter(out.path, { overwrite: out.overwrite, startedAt: Date.now() });
    this.startMs = performance.now();
    this.client = new HubClient(
      { ...target, role: ClientRole.Viewer, name: 'recorder', advice: RECORDER_ADVICE },
      { onChange: events.onChange, onFrame: (bytes) => this.record(bytes) },
    );
  }

  /** Time since recording started, ms. */
  get elapsedMs(): number {
    return performance.now() - this.startMs;
  }

  /** Disconnects and closes the file (forced to the disk). */
  stop(): void {
    this.client.close();
    this.writer.close();
  }

  private record(bytes: FrameBytes): void {
    const arrivalMs = performance.now() - this.startMs;
    if (validateFrame(bytes)) {
      this.invalid++;
      return;
    }
    this.writer.append(arrivalMs, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  }
}
