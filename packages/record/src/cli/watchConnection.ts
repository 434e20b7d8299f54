import { ConnectErrorCode } from '@rigcast/protocol';
import { ConnectionState, type HubClient } from '@rigcast/client';

/** The refusals no retry can fix: the command line is wrong. */
const FATAL_CODES: ReadonlySet<string> = new Set([ConnectErrorCode.BadKey, ConnectErrorCode.BadRoom, ConnectErrorCode.BadRole]);

/**
 * Reports a command's link to the hub as lines: joining, and each new problem with what to do.
 * Returns a function to call on every client change; it calls `onFatal` with the message when the
 * hub refuses the command for a reason only a new command line fixes (a wrong key or room), where
 * a page would keep retrying.
 */
export function watchConnection(client: HubClient, print: (line: string) => void, onFatal: (message: string) => void): () => void {
  let lastState: ConnectionState = client.state;
  let lastDetail = '';
  return () => {
    const { state, detail } = client;
    if (state === ConnectionState.Refused && client.code && FATAL_CODES.has(client.code)) {
      onFatal(detail.replace(/\s*Retrying in [\d.]+ s\.$/, ''));
      return;
    }
    if (state === ConnectionState.Connected && lastState !== ConnectionState.Connected) print('connected');
    else if (detail && detail !== lastDetail) print(detail);
    lastState = state;
    lastDetail = detail;
  };
}
