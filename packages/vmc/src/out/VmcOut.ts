import type { Socket } from 'node:dgram';
import { isIP } from 'node:net';
import type { HubClient } from '@rigcast/client';
import { ClientRole, createDecodeTarget, decodeFrameInto, type FrameBytes, type RigFrame } from '@rigcast/protocol';
import { bindUdp, resolveHost } from '../bindUdp';
import { createBridgeClient, type VmcHubOptions } from '../bridgeClient';
import { VMC_MARIONETTE_PORT } from '../vmc/VmcAddress';
import type { ArkitNameCase } from '../vmc/VmcBlendName';
import { VmcFrameWriter } from './VmcFrameWriter';
import { createVmcOutStats, type VmcOutStats } from './VmcOutStats';

/** The room `out` views (`key` is the view key, when the hub has one) and where it sends. */
export interface VmcOutOptions extends VmcHubOptions {
  /** The VMC receiver's host; default `127.0.0.1`. */
  host?: string;
  /** The VMC receiver's port; default {@link VMC_MARIONETTE_PORT}. */
  port?: number;
  /** Spelling of the perfect-sync names. */
  arkitNames?: ArkitNameCase;
}

/**
 * The bridge's `out` direction: a viewer of a hub room that sends every frame it receives to a VMC
 * receiver as one performer cycle ({@link VmcFrameWriter}). Frames are decoded into one reused
 * target. The socket is connected, so each datagram leaves as it is sent; a frame that arrives
 * while earlier datagrams still wait in the socket's send queue is skipped and counted: latest
 * wins, nothing queues behind a slow link.
 * @example
 * const bridge = await VmcOut.start({ hub: 'http://127.0.0.1:8080', room: 'main', host: '127.0.0.1', port: 39539 });
 */
export class VmcOut {
  /** Counters since start. */
  readonly stats: VmcOutStats = createVmcOutStats();
  readonly client: HubClient;
  private readonly writer: VmcFrameWriter;
  private readonly target = createDecodeTarget();
  private readonly startedAt = performance.now();
  private closed = false;
  private readonly onSent = (error: Error | null): void => {
    if (error) {
      this.stats.sendErrors++;
      this.stats.lastError = error.message;
    }
  };

  private constructor(
    options: VmcOutOptions,
    private readonly socket: Socket,
    /** The receiver's IP address and port. */
    readonly address: string,
    readonly port: number,
  ) {
    this.writer = new VmcFrameWriter({ arkitNames: options.arkitNames });
    // ICMP "port unreachable" while the receiver is not running shows as a send error, not a crash.
    socket.on('error', (error) => {
      this.stats.sendErrors++;
      this.stats.lastError = error.message;
    });
    this.client = createBridgeClient(options, ClientRole.Viewer, (bytes) => this.relay(bytes));
  }

  /**
   * Resolves the receiver's address, opens a UDP socket connected to it, then joins the room.
   * Connected, a send goes out at once (an unconnected socket looks the address up first, even
   * an IP, and sends on the next tick: by then the writer's buffers may hold a later frame).
   */
  static async start(options: VmcOutOptions): Promise<VmcOut> {
    const address = await resolveHost(options.host ?? '127.0.0.1', '--out');
    const port = options.port ?? VMC_MARIONETTE_PORT;
    const socket = await bindUdp(isIP(address) === 6 ? '::' : '0.0.0.0', 0, '--out');
    await new Promise<void>((resolve) => socket.connect(port, address, resolve));
    return new VmcOut(options, socket, address, port);
  }

  /** Leaves the hub and closes the socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.close();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private relay(bytes: FrameBytes): void {
    const stats = this.stats;
    stats.framesIn++;
    if (this.closed) return;
    // A datagram is queued only when the system could not take it at once; then the link is
    // behind, and this frame is skipped rather than queued (and the queued ones' buffers are
    // not overwritten).
    if (this.socket.getSendQueueCount() > 0) {
      stats.framesSkipped++;
      return;
    }
    let frame: RigFrame;
    try {
      frame = decodeFrameInto(bytes, this.target);
    } catch {
      stats.undecodable++;
      return;
    }
    const count = this.writer.write(frame, (performance.now() - this.startedAt) / 1000);
    for (let i = 0; i < count; i++) {
      const length = this.writer.datagramLength(i);
      this.socket.send(this.writer.datagram(i), 0, length, this.onSent);
      stats.datagrams++;
      stats.bytes += length;
      if (length > stats.largestDatagram) stats.largestDatagram = length;
    }
    stats.framesSent++;
  }
}
