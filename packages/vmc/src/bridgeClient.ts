import { HubClient, type HubClientEvents, type HubClientOptions } from '@rigcast/client';
import type { ClientRole, FrameBytes } from '@rigcast/protocol';

/** The hub and room a direction of the bridge joins. */
export interface VmcHubOptions {
  /** The hub's base URL, local or remote. */
  hub: string;
  room: string;
  /** `in`: the hub's publish key. `out`: its view key, when it has one. */
  key?: string;
  /** More {@link HubClient} options (name, refusal advice, retry). */
  client?: Partial<Omit<HubClientOptions, 'url' | 'room' | 'role' | 'key'>>;
  /** Told when the hub link changes (state, detail, RTT, rejections). */
  onChange?: HubClientEvents['onChange'];
}

/** The one hub client of a bridge direction, named "VMC bridge" in its messages unless told otherwise. */
export function createBridgeClient(options: VmcHubOptions, role: ClientRole, onFrame?: (bytes: FrameBytes) => void): HubClient {
  return new HubClient(
    { name: 'VMC bridge', ...options.client, url: options.hub, room: options.room, role, key: options.key },
    { onChange: options.onChange, onFrame },
  );
}
