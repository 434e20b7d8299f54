import type { ClientRole, FrameBytes, RejectedInfo } from '@rigcast/protocol';
import type { RefusalAdvice } from './refusalAdvice';
import type { RetryPolicy } from './RetryPolicy';

/** Where, as whom and how a {@link HubClient} connects. */
export interface HubClientOptions {
  /** The hub's base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  room: string;
  role: ClientRole;
  /** The publish key for publishers; the view key for viewers when the hub has one. */
  key?: string;
  /** How messages name this client to its user: `tracker`, `avatar page`, `VMC bridge`. Default: the role. */
  name?: string;
  /**
   * What to tell the user per refusal code, in this client's words (e.g. "pass --key" for a command);
   * codes left out get the pages' advice.
   */
  advice?: RefusalAdvice;
  /** Overrides of {@link DEFAULT_RETRY_POLICY}. */
  retry?: Partial<RetryPolicy>;
  /** How often the round-trip time is probed while connected, ms. Default 1000. */
  rttIntervalMs?: number;
  /** A probe not answered within this long counts as lost, ms. Default 3000. */
  rttTimeoutMs?: number;
  /** Extra HTTP headers for the WebSocket upgrade. Node only: browsers set their own. */
  extraHeaders?: Record<string, string>;
}

/** A `rejected` notice from the hub, with when it arrived. */
export interface RejectedNotice extends RejectedInfo {
  /** Arrival time, ms since the epoch. */
  time: number;
}

/** What a {@link HubClient} tells its owner. Every callback is optional. */
export interface HubClientEvents {
  /** State, detail, RTT or the rejected notices changed; read them from the client. */
  onChange?(): void;
  /** A frame's bytes from the room's publisher, as they came off the socket (not decoded). */
  onFrame?(bytes: FrameBytes): void;
  /** The hub refused the last frame this client sent; nothing was relayed. */
  onRejected?(notice: RejectedNotice): void;
}
