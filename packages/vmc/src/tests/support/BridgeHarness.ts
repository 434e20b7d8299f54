import { HubClient, type HubClientOptions } from '@rigcast/client';
import { createHub, type Hub } from '@rigcast/hub';
import { decodeFrame, type RigFrame } from '@rigcast/protocol';
import { VmcIn, type VmcInOptions } from '../../in/VmcIn';
import { VmcOut, type VmcOutOptions } from '../../out/VmcOut';
import type { Oscdump } from './peers';

/** Retries fast enough for tests, in the default policy's shape. */
export const FAST_RETRY = { firstDelayMs: 50, maxDelayMs: 400, jitter: 0 } as const;
export const PUBLISH_KEY = 'vmc-test-key';

/** A viewer's frames, decoded as they arrive. */
export interface TestViewer {
  client: HubClient;
  frames: RigFrame[];
}

/**
 * A real hub on port 0, real bridges and real hub clients, all closed by {@link BridgeHarness.cleanup}.
 */
export class BridgeHarness {
  hub!: Hub;
  private readonly closers: (() => unknown)[] = [];

  async start(): Promise<this> {
    this.hub = await createHub({ port: 0, allowedOrigins: [], publishKey: PUBLISH_KEY });
    return this;
  }

  async vmcIn(room: string, options: Partial<VmcInOptions> = {}): Promise<VmcIn> {
    const bridge = await VmcIn.start({ hub: this.hub.url, room, key: PUBLISH_KEY, host: '127.0.0.1', port: 0, client: { retry: FAST_RETRY }, ...options });
    this.closers.push(() => bridge.close());
    return bridge;
  }

  async vmcOut(room: string, port: number, options: Partial<VmcOutOptions> = {}): Promise<VmcOut> {
    const bridge = await VmcOut.start({ hub: this.hub.url, room, host: '127.0.0.1', port, client: { retry: FAST_RETRY }, ...options });
    this.closers.push(() => bridge.close());
    return bridge;
  }

  /** A viewer of `room` that decodes every frame (decoding is the protocol's validation). */
  viewer(room: string): TestViewer {
    const frames: RigFrame[] = [];
    const client = new HubClient({ url: this.hub.url, room, role: 'viewer', retry: FAST_RETRY }, { onFrame: (bytes) => frames.push(decodeFrame(bytes)) });
    this.closers.push(() => client.close());
    return { client, frames };
  }

  /** A publisher of `room`. */
  publisher(room: string, options: Partial<HubClientOptions> = {}): HubClient {
    const client = new HubClient({ url: this.hub.url, room, role: 'publisher', key: PUBLISH_KEY, retry: FAST_RETRY, ...options });
    this.closers.push(() => client.close());
    return client;
  }

  /** Closes `dump` with the rest. */
  own(dump: Oscdump): Oscdump {
    this.closers.push(() => dump.close());
    return dump;
  }

  /** The hub's count of rejected frames, from `/metrics`. */
  async rejectedFrames(): Promise<number> {
    const text = await (await fetch(`${this.hub.url}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('rigcast_frames_rejected_total'))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  }

  async cleanup(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) await close();
    await this.hub?.close();
  }
}
