import { ClientRole, ConnectErrorCode } from '@rigcast/protocol';

/** Same release on both ends is the only fix for a role the hub does not know. */
const SAME_RELEASE = 'use a client and a hub from the same rigcast release';
const RESTARTING = 'wait: the hub is restarting, and this client reconnects by itself';
const TOO_MANY = 'close other rigcast pages on this network, or ask the hub operator to raise RIGCAST_MAX_CONNECTIONS_PER_IP; this client retries by itself';

/** What a publisher's user should do about each refusal. */
const PUBLISHER_ADVICE: Readonly<Record<ConnectErrorCode, string>> = {
  [ConnectErrorCode.BadKey]: 'check the key= parameter: the hub prints the tracker URL with its publish key when it starts',
  [ConnectErrorCode.BadRoom]: 'use a room= of 1–64 letters, digits, "-" or "_"',
  [ConnectErrorCode.BadRole]: SAME_RELEASE,
  [ConnectErrorCode.BadOrigin]: "open the tracker from the hub itself, or add this page's origin to RIGCAST_ALLOWED_ORIGINS on the hub",
  [ConnectErrorCode.ShuttingDown]: RESTARTING,
  [ConnectErrorCode.TooManyConnections]: TOO_MANY,
};

/** What a viewer's user should do about each refusal. */
const VIEWER_ADVICE: Readonly<Record<ConnectErrorCode, string>> = {
  [ConnectErrorCode.BadKey]: 'add ?key= with the view key (RIGCAST_VIEW_KEY on the hub) to the page address',
  [ConnectErrorCode.BadRoom]: 'use ?room= with 1–64 letters, digits, "_" or "-"',
  [ConnectErrorCode.BadRole]: SAME_RELEASE,
  [ConnectErrorCode.BadOrigin]: "add this page's origin to RIGCAST_ALLOWED_ORIGINS on the hub",
  [ConnectErrorCode.ShuttingDown]: RESTARTING,
  [ConnectErrorCode.TooManyConnections]: TOO_MANY,
};

/** Advice in a client's own words, for clients whose user fixes things elsewhere than in a page address (a command line). */
export type RefusalAdvice = Partial<Readonly<Record<ConnectErrorCode, string>>>;

/**
 * What the user of a client in `role` should do when the hub refuses it with `code`: the client's
 * own advice when it has some for that code, else the pages' advice for the role.
 * @example
 * refusalAdvice(ClientRole.Viewer, ConnectErrorCode.BadKey); // 'add ?key= with the view key …'
 */
export function refusalAdvice(role: ClientRole, code: ConnectErrorCode, own?: RefusalAdvice): string {
  return own?.[code] ?? (role === ClientRole.Publisher ? PUBLISHER_ADVICE : VIEWER_ADVICE)[code];
}
