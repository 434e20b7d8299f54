import type { Socket } from 'node:dgram';
import { ClientRole, encodeFrame, type RigFrame } from '@rigcast/protocol';
import type { HubClient } from '@rigcast/client';
import { bindUdp } from '../bindUdp';
import { createBridgeClient, type VmcHubOptions } from '../bridgeClient';
import { VMC_MARIONETTE_PORT } from '../vmc/VmcAddress';
import { VmcFrameAssembler } from './VmcFrameAssembler';

/**
 * The receive buffer `in` asks for: a sender's cycle arrives as a burst of bundles, and the
 * default (about 200 KB on Linux) can overflow while the event loop is busy writing to the hub.
 */
const RECEIVE_BUFFER_BYTES = 1 << 20;

/** Where `in` listens, and the room it publishes to (`key` is the publish key). */
export interface VmcInOptions extends VmcHubOptions {
  /** Interface to listen on; default `0.0.0.0` (every interface: phones send over the LAN). */
  host?: string;
  /** UDP port; default {@link VMC_MARIONETTE_PORT}; 0 picks a free one. */
  port?: number;
}

/**
 * The bridge's `in` direction: a VMC marionette on a UDP port whose cycles become RigFrames
 * ({@link VmcFrameAssembler}), published to a hub room through a {@link HubClient}. The hub
 * validates every frame again; a frame the link cannot take right now (hub away, previous frame
 * still being written) is dropped, not queued, and counted in {@link unsent}.
 * @example
 * const bridge = await VmcIn.start({ hub: 'http://127.0.0.1:8080', room: 'main', key });
 * console.log(bridge.port, bridge.assembler.stats.frames);
 */
export class VmcIn {
  /** Frames the hub client took. */
  published = 0;
  /** Frames dropped because the hub was away or still writing the previous one. */
  unsent = 0;
  /** Frames that could not be encoded (a bug: counted and skipped, never thrown). */
  unencodable = 0;
  /** Who sent the last datagram, `address:port`; null before the first. */
  lastSender: string | null = null;
  private senderAddress = '';
  private senderPort = 0;
  private closed = false;
  private readonly onFrame = (frame: RigFrame): void => this.publish(frame);

  private constructor(
    readonly assembler: VmcFrameAssembler,
    readonly client: HubClient,
    private readonly socket: Socket,
  ) {
    socket.on('message', (datagram, sender) => {
      if (sender.port !== this.senderPort || sender.address !== this.senderAddress) {
        this.senderAddress = sender.address;
        this.senderPort = sender.port;
        this.lastSender = `${sender.address}:${sender.port}`;
      }
      assembler.receive(datagram, Date.now(), this.onFrame);
    });
    // A UDP socket reports ICMP errors and the like here; none of them should end the bridge.
    socket.on('error', () => {});
  }

  /** Listens, then connects to the hub. Rejects with a message for the user when the port cannot be had. */
  static async start(options: VmcInOptions): Promise<VmcIn> {
    const socket = await bindUdp(options.host ?? '0.0.0.0', options.port ?? VMC_MARIONETTE_PORT, '--in', RECEIVE_BUFFER_BYTES);
    return new VmcIn(new VmcFrameAssembler(), createBridgeClient(options, ClientRole.Publisher), socket);
  }

  /** The UDP port listened on (the one picked, when 0 was asked). */
  get port(): number {
    return this.socket.address().port;
  }

  /** The interface listened on. */
  get host(): string {
    return this.socket.address().address;
  }

  /** Stops listening and leaves the hub. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.close();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private publish(frame: RigFrame): void {
    let bytes: Uint8Array;
    try {
      bytes = encodeFrame(frame);
    } catch {
      this.unencodable++;
      return;
    }
    if (this.client.send(bytes)) this.published++;
    else this.unsent++;
  }
}
