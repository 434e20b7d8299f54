import { ConnectErrorCode } from '@rigcast/protocol';

/** Where a connection attempt failed. */
export const FailureStage = {
  /** Nothing answered (hub down, wrong address, network). */
  Transport: 'transport',
  /** Engine.IO turned the WebSocket upgrade away (`allowRequest`: bad-origin, shutting-down). */
  Upgrade: 'upgrade',
  /** The hub's Socket.IO handshake refused the `auth`. */
  Handshake: 'handshake',
} as const;
export type FailureStage = (typeof FailureStage)[keyof typeof FailureStage];

/** What a failed connection attempt was, read from socket.io-client's `connect_error`. */
export interface ConnectFailure {
  stage: FailureStage;
  /** The hub's refusal code; only a handshake refusal carries one. */
  code: ConnectErrorCode | null;
  /** What the hub or the transport said. */
  message: string;
}

const CODES = new Set<string>(Object.values(ConnectErrorCode));
/**
 * How `ws` (Node) reports an HTTP answer instead of a WebSocket upgrade. Engine.IO answers 400 to
 * an upgrade its `allowRequest` refused and puts the reason in a body no WebSocket client can
 * read; browsers do not even get the status.
 */
const UPGRADE_REFUSED = /Unexpected server response: 4\d\d/;

/**
 * Reads a `connect_error`. The hub's Socket.IO middleware attaches its refusal code as
 * `error.data.code`, and that is what counts; the message is for people. The message prefix
 * (`"bad-origin: …"`) is no fallback: the only refusals without `data`, Engine.IO's
 * `allowRequest` ones, never reach a WebSocket client as text. In Node they show as an upgrade
 * answered with HTTP 400; in browsers as a plain "websocket error", like an unreachable hub.
 */
export function readConnectError(error: Error): ConnectFailure {
  const { data, description } = error as Error & { data?: { code?: unknown }; description?: { message?: unknown } };
  if ('data' in error) {
    // socket.io-client sets `data` (perhaps undefined) on errors from a CONNECT_ERROR packet only.
    const code = typeof data?.code === 'string' && CODES.has(data.code) ? (data.code as ConnectErrorCode) : null;
    return { stage: FailureStage.Handshake, code, message: error.message };
  }
  const detail = typeof description?.message === 'string' ? description.message : '';
  if (UPGRADE_REFUSED.test(detail)) return { stage: FailureStage.Upgrade, code: null, message: detail };
  return { stage: FailureStage.Transport, code: null, message: detail || error.message };
}
