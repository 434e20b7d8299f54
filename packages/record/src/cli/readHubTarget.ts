import { isValidRoomName } from '@rigcast/protocol';
import type { HubTarget } from '../hub/HubTarget';
import type { CommandLine } from './parseCommandLine';
import { RecordCommandError } from './RecordCommandError';

/** The `--hub`, `--room` and `--key` of a command line, checked. */
export function readHubTarget(values: CommandLine['values']): HubTarget {
  const url = String(values.hub);
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new RecordCommandError(`--hub must be an http:// or https:// URL such as http://127.0.0.1:8080, got "${url}"`, 2);
  }
  const room = String(values.room);
  if (!isValidRoomName(room)) throw new RecordCommandError(`--room must be 1–64 characters from A–Z, a–z, 0–9, "_" and "-", got "${room}"`, 2);
  const key = typeof values.key === 'string' && values.key !== '' ? values.key : undefined;
  return { url: url.replace(/\/+$/, ''), room, key };
}

/** The options every hub command shares. */
export const HUB_OPTIONS = {
  hub: { type: 'string', value: 'URL', help: "the hub's base URL", env: 'RIGCAST_HUB', default: 'http://127.0.0.1:8080' },
  room: { type: 'string', value: 'NAME', help: 'the room', default: 'main' },
} as const;
