import { ClientRole, ConnectErrorCode, RecordingPlayer, type RecordedFrame, type ReplayOptions } from '@rigcast/protocol';
import { ConnectionState, HubClient } from '@rigcast/client';
import type { HubTarget } from './HubTarget';

/** What `rigcast replay` tells its user to do when the hub refuses it. */
const REPLAYER_ADVICE = {
  [ConnectErrorCode.BadKey]: "pass --key with the hub's publish key (the key= in the tracker URL the hub prints)",
  [ConnectErrorCode.BadRoom]: 'pass --room with 1–64 letters, digits, "-" or "_"',
};

/**
 * Replays a recording into a room of a hub as a publisher, through {@link HubClient}, with a
 * {@link RecordingPlayer}: playback starts once the hub has let it in. Like a live tracker, it
 * does not wait for a link that drops: frames due while away are dropped (and counted).
 */
export class HubReplayer {
  readonly client: HubClient;
  readonly player: RecordingPlayer;

  constructor(target: HubTarget, frames: readonly RecordedFrame[], options: ReplayOptions & { onEnd?(): void; onChange?(): void }) {
    this.player = new RecordingPlayer(frames, { ...options, send: (bytes) => this.client.send(bytes) });
    this.client = new HubClient(
      { ...target, role: ClientRole.Publisher, name: 'replay', advice: REPLAYER_ADVICE },
      {
        onChange: () => {
          if (this.client.state === ConnectionState.Connected && !this.started) this.player.start();
          options.onChange?.();
        },
      },
    );
  }

  private get started(): boolean {
    return this.player.playing || this.player.stats.passes > 0;
  }

  /** Stops playing, lets the hub take what was sent, and disconnects. */
  async stop(): Promise<void> {
    this.player.stop();
    await this.client.flush();
    this.client.close();
  }
}
