import { isIP } from 'node:net';
import { isValidRoomName } from '@rigcast/protocol';
import { VMC_MARIONETTE_PORT } from '../vmc/VmcAddress';
import { ArkitNameCase } from '../vmc/VmcBlendName';
import type { UdpEndpoint, VmcCliConfig } from './VmcCliConfig';
import { VMC_CLI_OPTIONS, type VmcCliOptionSpec } from './VmcCliOption';
import { VmcUsageError } from './VmcUsageError';

type Env = Record<string, string | undefined>;

const MAX_PORT = 65535;
const HOST_PATTERN = /^[A-Za-z0-9.-]+$/;
const DEFAULT_STATUS_SECONDS = 5;
const MAX_STATUS_SECONDS = 3600;
const SPECS: readonly VmcCliOptionSpec[] = VMC_CLI_OPTIONS;

/** The flags given, each with its value ('' for a switch or an optional value left out); the last of a repeated flag wins. */
function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.set('--help', '');
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = SPECS.find((option) => option.flag === flag);
    if (!spec) throw new VmcUsageError(`unknown option "${arg}"; run rigcast vmc --help for the list`);
    if (!spec.value) {
      if (eq >= 0) throw new VmcUsageError(`${flag} takes no value`);
      flags.set(flag, '');
    } else if (eq >= 0) {
      flags.set(flag, arg.slice(eq + 1));
    } else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('-')) {
      flags.set(flag, argv[++i]);
    } else if (spec.optionalValue) {
      flags.set(flag, '');
    } else {
      throw new VmcUsageError(`${flag} needs a value: ${flag} ${spec.value}`);
    }
  }
  return flags;
}

function parsePort(text: string, flag: string, lowest: number): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < lowest || Number(text) > MAX_PORT) {
    throw new VmcUsageError(`${flag} needs a UDP port from ${lowest} to ${MAX_PORT}, got "${text}"`);
  }
  return Number(text);
}

function checkHost(host: string, flag: string, example: string): string {
  if (!isIP(host) && !HOST_PATTERN.test(host)) throw new VmcUsageError(`${flag} needs a host name or IP address such as ${example}, got "${host}"`);
  return host;
}

/** `[host:]port`, `host[:port]` or `[v6]:port` into an endpoint; a bare number is a port. */
function parseEndpoint(text: string, flag: string, defaults: UdpEndpoint, lowestPort: number, example: string): UdpEndpoint {
  if (text === '') return { ...defaults };
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    if (isIP(bracketed[1]) !== 6) throw new VmcUsageError(`${flag}: "${bracketed[1]}" in brackets is not an IPv6 address`);
    return { host: bracketed[1], port: bracketed[2] === undefined ? defaults.port : parsePort(bracketed[2], flag, lowestPort) };
  }
  if (/^\d+$/.test(text)) return { host: defaults.host, port: parsePort(text, flag, lowestPort) };
  if (isIP(text) === 6) return { host: text, port: defaults.port };
  const colon = text.lastIndexOf(':');
  if (colon < 0) return { host: checkHost(text, flag, example), port: defaults.port };
  return { host: checkHost(text.slice(0, colon), flag, example), port: parsePort(text.slice(colon + 1), flag, lowestPort) };
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** True for addresses that always mean this machine. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/**
 * Reads `rigcast vmc`'s options from `argv` (flags win) and `env`, checking each. Throws
 * {@link VmcUsageError} with one line naming what is wrong and what to do.
 */
export function parseVmcArgs(argv: readonly string[], env: Env): VmcCliConfig {
  const flags = readFlags(argv);
  const statusText = flags.get('--status');
  const config: VmcCliConfig = {
    help: flags.has('--help'),
    hub: flags.get('--hub') ?? '',
    room: flags.get('--room') ?? '',
    arkitNames: ArkitNameCase.Arkit,
    statusSeconds: statusText === undefined ? DEFAULT_STATUS_SECONDS : Number(statusText),
  };
  if (config.help) return config;

  if (!config.hub) throw new VmcUsageError('--hub is required: the hub\'s address, e.g. --hub http://127.0.0.1:8080');
  if (!isHttpUrl(config.hub)) throw new VmcUsageError(`--hub needs an http:// or https:// URL such as http://127.0.0.1:8080, got "${config.hub}"`);
  if (!config.room) throw new VmcUsageError('--room is required: the room to publish to and view, e.g. --room main');
  if (!isValidRoomName(config.room)) throw new VmcUsageError(`--room must be 1–64 characters from A–Z, a–z, 0–9, "_" and "-", got "${config.room}"`);

  if (flags.has('--in')) config.in = parseEndpoint(flags.get('--in')!, '--in', { host: '0.0.0.0', port: VMC_MARIONETTE_PORT }, 0, '0.0.0.0');
  if (flags.has('--out')) config.out = parseEndpoint(flags.get('--out')!, '--out', { host: '127.0.0.1', port: VMC_MARIONETTE_PORT }, 1, '127.0.0.1 or 192.168.1.20');
  if (!config.in && !config.out) {
    throw new VmcUsageError('nothing to do: give --in [port] to receive VMC into the room, --out [host:port] to send the room to a VMC receiver, or both');
  }
  if (config.in && config.out && config.in.port === config.out.port && config.in.port !== 0 && (isLoopback(config.out.host) || config.out.host === config.in.host)) {
    throw new VmcUsageError(
      `--out ${config.out.host}:${config.out.port} is where --in listens: the bridge would receive its own output. Give them different ports, e.g. --in 39540 and point the sender there`,
    );
  }

  // Keys are checked by the hub, whose refusal says what to do.
  config.key = flags.get('--key') || env.RIGCAST_PUBLISH_KEY || undefined;
  config.viewKey = flags.get('--view-key') || env.RIGCAST_VIEW_KEY || undefined;
  if (config.in && !config.key) {
    throw new VmcUsageError('--in publishes to the room and needs the hub\'s publish key: pass --key (the key= of the tracker URL the hub prints) or set RIGCAST_PUBLISH_KEY');
  }

  const names = flags.get('--arkit-names');
  if (names !== undefined) {
    if (names !== ArkitNameCase.Arkit && names !== ArkitNameCase.Pascal) throw new VmcUsageError(`--arkit-names is "arkit" or "pascal", got "${names}"`);
    config.arkitNames = names;
  }
  if (!(Number.isFinite(config.statusSeconds) && config.statusSeconds >= 0 && config.statusSeconds <= MAX_STATUS_SECONDS) || statusText === '') {
    throw new VmcUsageError(`--status needs a number of seconds from 0 (never) to ${MAX_STATUS_SECONDS}, got "${statusText}"`);
  }
  return config;
}
