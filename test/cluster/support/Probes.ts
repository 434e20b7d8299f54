import { HubClient, type RetryPolicy } from '@rigcast/client';
import { ClientRole, SEQ_OFFSET } from '@rigcast/protocol';
import { frameBytes } from '../../../packages/hub/src/tests/support/HubHarness.js';
import { PUBLISH_KEY } from './Cluster.js';

/** One frame as a viewer got it. */
export interface Received {
  seq: number;
  bytes: Buffer;
  /** performance.now() on arrival. */
  at: number;
  /** The viewer's join count when it arrived (1 before any reconnect). */
  join: number;
}

/** A viewer: the real client the avatar page uses (HubClient, default retry policy), recording every frame. */
export class ViewerProbe {
  readonly client: HubClient;
  readonly frames: Received[] = [];
  /** performance.now() of each join. */
  readonly joinedAt: number[] = [];

  constructor(url: string, room: string, retry?: Partial<RetryPolicy>) {
    this.client = new HubClient(
      { url, room, role: ClientRole.Viewer, name: 'test viewer', retry },
      {
        onFrame: (bytes) => {
          const buffer = Buffer.from(bytes as Uint8Array);
          this.frames.push({ seq: buffer.readUInt32LE(SEQ_OFFSET), bytes: buffer, at: performance.now(), join: this.client.joins });
        },
        onChange: () => {
          if (this.client.joins > this.joinedAt.length) this.joinedAt.push(performance.now());
        },
      },
    );
  }

  get seqs(): number[] {
    return this.frames.map((f) => f.seq);
  }

  /** Frames received after `time` (performance.now()). */
  after(time: number): Received[] {
    return this.frames.filter((f) => f.at > time);
  }

  close(): void {
    this.client.close();
  }
}

/** The frame a test publisher sends as `seq`: the hub tests' frame, timed now (wall clock, as the tracker's). */
export function testFrame(seq: number): Uint8Array {
  return frameBytes(seq, Date.now());
}

/** A publisher: the real client the tracker uses (HubClient), sending {@link testFrame}s at `hz` while started. */
export class PublisherProbe {
  readonly client: HubClient;
  /** What each seq's frame was, as sent (only frames the client accepted). */
  readonly sent = new Map<number, Uint8Array>();
  /** performance.now() when each seq was sent. */
  readonly sentAt = new Map<number, number>();
  seq = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(url: string, room: string, retry?: Partial<RetryPolicy>) {
    this.client = new HubClient({ url, room, role: ClientRole.Publisher, key: PUBLISH_KEY, name: 'test publisher', retry });
  }

  /** Sends one frame now (if connected); returns its seq, or -1 when it was dropped. */
  sendOne(): number {
    const seq = ++this.seq;
    const bytes = testFrame(seq);
    if (!this.client.send(bytes)) return -1;
    this.sent.set(seq, bytes);
    this.sentAt.set(seq, performance.now());
    return seq;
  }

  start(hz = 60): void {
    this.stop();
    this.timer = setInterval(() => this.sendOne(), 1000 / hz);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The seqs the client handed to the hub, in order. */
  get sentSeqs(): number[] {
    return [...this.sent.keys()];
  }

  close(): void {
    this.stop();
    this.client.close();
  }
}

/** Polls `check` until true, or throws after `timeoutMs` saying what it waited for. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seqs missing between consecutive frames (a → b with b > a + 1), as [after, before] pairs. */
export function gapsIn(seqs: readonly number[]): [number, number][] {
  const gaps: [number, number][] = [];
  for (let i = 1; i < seqs.length; i++) if (seqs[i] !== seqs[i - 1] + 1) gaps.push([seqs[i - 1], seqs[i]]);
  return gaps;
}
