import type { HubClient } from '@rigcast/client';
import { encodeFrame, type RigFrame } from '@rigcast/protocol';
import type { FrameRecorder } from '../record/FrameRecorder';
import { SmoothedValue } from '../stats/SmoothedValue';

/** Encodes each solved frame once, sends it to the hub and hands the same bytes to the recorder. */
export class FramePublisher {
  /** Smoothed time to encode and send a frame, ms: the tracker's last stage before the network. */
  readonly sendMs = new SmoothedValue();

  constructor(
    private readonly client: Pick<HubClient, 'send'>,
    private readonly recorder: Pick<FrameRecorder, 'add'>,
    private readonly clock: Pick<Performance, 'now'> = performance,
  ) {}

  publish(frame: RigFrame): void {
    const start = this.clock.now();
    const bytes = encodeFrame(frame);
    this.client.send(bytes);
    this.recorder.add(bytes);
    this.sendMs.add(this.clock.now() - start);
  }
}
