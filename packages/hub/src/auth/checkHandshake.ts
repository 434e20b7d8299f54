import { ClientRole, ConnectErrorCode, isValidRoomName } from '@rigcast/protocol';
import { constantTimeEqual } from './constantTimeEqual.js';

/** The keys a hub checks handshakes against. */
export interface HubKeys {
  publishKey: string;
  /** When set, viewers need it too. */
  viewKey?: string;
}

/** A handshake the hub accepted. */
export interface AcceptedHandshake {
  ok: true;
  room: string;
  role: ClientRole;
}

/** A handshake the hub refused; `message` is what the client sees in `connect_error`. */
export interface RefusedHandshake {
  ok: false;
  code: ConnectErrorCode;
  message: string;
}

const SHOWN_VALUE_CHARS = 40;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value !== 'string') return `a ${value === null ? 'null' : typeof value}`;
  const text = value.length > SHOWN_VALUE_CHARS ? `${value.slice(0, SHOWN_VALUE_CHARS)}…` : value;
  return JSON.stringify(text);
}

function refuse(code: ConnectErrorCode, sentence: string): RefusedHandshake {
  return { ok: false, code, message: `${code}: ${sentence}` };
}

function own(auth: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(auth, key) ? (auth as Record<string, unknown>)[key] : undefined;
}

/**
 * Checks a Socket.IO `auth` payload (`{ room, role, key }`) from an untrusted client: room name,
 * then role, then key (compared in constant time). Never throws.
 */
export function checkHandshake(auth: unknown, keys: HubKeys): AcceptedHandshake | RefusedHandshake {
  const fields = typeof auth === 'object' && auth !== null ? auth : {};
  const room = own(fields, 'room');
  const role = own(fields, 'role');
  const key = own(fields, 'key');
  if (!isValidRoomName(room)) {
    return refuse(
      ConnectErrorCode.BadRoom,
      `auth.room must be 1–64 characters from A–Z, a–z, 0–9, "_" and "-", got ${show(room)}; pass e.g. auth: { room: "main", … }.`,
    );
  }
  if (role !== ClientRole.Publisher && role !== ClientRole.Viewer) {
    return refuse(ConnectErrorCode.BadRole, `auth.role must be "publisher" or "viewer", got ${show(role)}.`);
  }
  const given = typeof key === 'string' ? key : '';
  if (role === ClientRole.Publisher && !constantTimeEqual(given, keys.publishKey)) {
    return refuse(
      ConnectErrorCode.BadKey,
      given
        ? 'the publish key is wrong; use the key printed in the tracker URL when the hub started (or RIGCAST_PUBLISH_KEY).'
        : 'publishing needs the publish key; use the tracker URL the hub printed at start (it carries ?key=…) or RIGCAST_PUBLISH_KEY.',
    );
  }
  if (role === ClientRole.Viewer && keys.viewKey !== undefined && !constantTimeEqual(given, keys.viewKey)) {
    return refuse(
      ConnectErrorCode.BadKey,
      given
        ? 'the view key is wrong; use the value of RIGCAST_VIEW_KEY the hub was started with.'
        : 'this hub needs a view key for viewers (RIGCAST_VIEW_KEY is set); add key=… to the avatar URL.',
    );
  }
  return { ok: true, room, role };
}
