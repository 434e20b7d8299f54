import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isValidRoomName } from '@rigcast/protocol';
import { HUB_DEFAULTS, type HubOptions } from '../HubOptions.js';
import { isIP } from 'node:net';
import { normalizeOrigin } from '../origin/OriginPolicy.js';
import { RelayPath, isRelayPath } from '../relay/ViewerWriter.js';
import { CliConfigError } from './CliConfigError.js';
import { CLI_OPTIONS } from './CliOption.js';

/** What the CLI runs with. */
export interface CliConfig {
  help: boolean;
  hub: HubOptions & { appsDirs: { tracker: string; avatar: string }; modelsDirs: string[] };
  /** Room shown in the printed URLs. */
  room: string;
  allowMissingApps: boolean;
  /** Play the demo performance into {@link CliConfig.room}. */
  demo: boolean;
  /** Do not download missing models at start. */
  offline: boolean;
  /** Base URL to download missing models from instead of the official one. */
  modelsMirror?: string;
  /** True when no publish key was given, so the hub makes one up. */
  generatedKey: boolean;
}

type Env = Record<string, string | undefined>;

const MAX_PORT = 65535;
const MAX_FPS = 10_000;
const MAX_LIMIT = 1_000_000;
const MAX_KEY_CHARS = 256;
const KEY_PATTERN = /^[\x21-\x7e]+$/;

/** Each flag given, with its values in order (an option given twice keeps both). */
function parseArgs(argv: readonly string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (flag: string, value: string) => values.set(flag, [...(values.get(flag) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      add('--help', '');
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = CLI_OPTIONS.find((option) => option.flag === flag);
    if (!spec) throw new CliConfigError(`unknown option "${arg}"; run rigcast-hub --help for the list`);
    if (!('value' in spec)) {
      if (eq >= 0) throw new CliConfigError(`${flag} takes no value`);
      add(flag, '');
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new CliConfigError(`${flag} needs a value: ${flag} ${spec.value}`);
    add(flag, value);
  }
  return values;
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Reads the CLI's options from `argv` (flags win) and `env`, checking each. Throws
 * {@link CliConfigError} with one line naming the bad value and what to do.
 */
export function parseCliConfig(argv: readonly string[], env: Env): CliConfig {
  const args = parseArgs(argv);
  const pick = (flag: string, envName?: string): { value: string; from: string } | undefined => {
    if (args.has(flag)) return { value: args.get(flag)!.at(-1)!, from: flag };
    const fromEnv = envName ? env[envName] : undefined;
    return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, from: envName! } : undefined;
  };

  const port = pick('--port', 'PORT');
  if (port && (!/^\d{1,5}$/.test(port.value.trim()) || Number(port.value) > MAX_PORT)) {
    throw new CliConfigError(`${port.from} must be a whole number from 0 to ${MAX_PORT}, got "${port.value}"`);
  }
  const host = pick('--host', 'HOST');
  if (host && !/^[A-Za-z0-9.:_-]+$/.test(host.value)) {
    throw new CliConfigError(`${host.from} must be a host name or IP address such as 127.0.0.1 or 0.0.0.0, got "${host.value}"`);
  }
  const key = (flag: string, envName: string): string | undefined => {
    const given = pick(flag, envName);
    if (given && (given.value.length > MAX_KEY_CHARS || !KEY_PATTERN.test(given.value))) {
      throw new CliConfigError(`${given.from} must be 1–${MAX_KEY_CHARS} printable characters without spaces`);
    }
    return given?.value;
  };
  const publishKey = key('--publish-key', 'RIGCAST_PUBLISH_KEY');
  const viewKey = key('--view-key', 'RIGCAST_VIEW_KEY');

  const origins = pick('--allowed-origins', 'RIGCAST_ALLOWED_ORIGINS');
  const allowedOrigins = (origins?.value.split(',') ?? []).map((s) => s.trim()).filter(Boolean);
  for (const origin of allowedOrigins) {
    try {
      normalizeOrigin(origin);
    } catch (error) {
      throw new CliConfigError(`${origins!.from}: ${(error as Error).message}`);
    }
  }

  const fps = pick('--max-fps', 'RIGCAST_MAX_FPS');
  const maxFramesPerSecond = fps ? Number(fps.value) : HUB_DEFAULTS.maxFramesPerSecond;
  if (!(Number.isFinite(maxFramesPerSecond) && maxFramesPerSecond > 0 && maxFramesPerSecond <= MAX_FPS)) {
    throw new CliConfigError(`${fps!.from} must be a number of frames a second above 0 and at most ${MAX_FPS}, got "${fps!.value}"`);
  }

  const count = (flag: string, envName: string, fallback: number): number => {
    const given = pick(flag, envName);
    if (!given) return fallback;
    if (!/^\d+$/.test(given.value.trim()) || Number(given.value) > MAX_LIMIT) {
      throw new CliConfigError(`${given.from} must be a whole number from 0 (off) to ${MAX_LIMIT}, got "${given.value}"`);
    }
    return Number(given.value);
  };
  const maxConnectionsPerIp = count('--max-connections-per-ip', 'RIGCAST_MAX_CONNECTIONS_PER_IP', HUB_DEFAULTS.maxConnectionsPerIp);
  const maxConnectsPerSecond = count('--max-connects-per-second', 'RIGCAST_MAX_CONNECTS_PER_SECOND', HUB_DEFAULTS.maxConnectsPerSecond);

  const proxies = pick('--trusted-proxies', 'RIGCAST_TRUSTED_PROXIES');
  const trustedProxies = (proxies?.value.split(',') ?? []).map((s) => s.trim()).filter(Boolean);
  const badProxy = trustedProxies.find((address) => isIP(address) === 0);
  if (badProxy !== undefined) throw new CliConfigError(`${proxies!.from} must list IP addresses such as 10.0.0.5, got "${badProxy}"`);

  const redis = pick('--redis', 'RIGCAST_REDIS_URL');
  if (redis && !/^rediss?:\/\/[^\s]+$/.test(redis.value)) {
    throw new CliConfigError(`${redis.from} must be a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS), got "${redis.value}"`);
  }
  const metricsToken = key('--metrics-token', 'RIGCAST_METRICS_TOKEN');
  const metricsPort = pick('--metrics-port', 'RIGCAST_METRICS_PORT');
  if (metricsPort && (!/^\d{1,5}$/.test(metricsPort.value.trim()) || Number(metricsPort.value) > MAX_PORT)) {
    throw new CliConfigError(`${metricsPort.from} must be a whole number from 0 to ${MAX_PORT}, got "${metricsPort.value}"`);
  }
  const relayPath = pick('--relay-path', 'RIGCAST_RELAY_PATH');
  if (relayPath && !isRelayPath(relayPath.value)) {
    throw new CliConfigError(`${relayPath.from} must be "${RelayPath.Fast}" or "${RelayPath.Public}", got "${relayPath.value}"`);
  }

  const directory = (given: { value: string; from: string }): string => {
    const path = resolve(given.value);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new CliConfigError(`${given.from} must be an existing folder, but ${path} is not one`);
    return path;
  };
  // Every folder named is searched: the --models-dir ones, then RIGCAST_MODELS_DIR, then the package's.
  const envModelsDir = env.RIGCAST_MODELS_DIR ? [{ value: env.RIGCAST_MODELS_DIR, from: 'RIGCAST_MODELS_DIR' }] : [];
  const modelsDirs = [...(args.get('--models-dir') ?? []).map((value) => ({ value, from: '--models-dir' })), ...envModelsDir].map(directory);

  const mirror = pick('--models-mirror', 'RIGCAST_MODELS_MIRROR');
  if (mirror && !isHttpUrl(mirror.value)) {
    throw new CliConfigError(`${mirror.from} must be an http:// or https:// URL such as https://models.example/rigcast/, got "${mirror.value}"`);
  }

  const room = pick('--room')?.value ?? HUB_DEFAULTS.room;
  if (!isValidRoomName(room)) throw new CliConfigError(`--room must be 1–64 characters from A–Z, a–z, 0–9, "_" and "-", got "${room}"`);

  return {
    help: args.has('--help'),
    room,
    allowMissingApps: args.has('--allow-missing-apps'),
    demo: args.has('--demo'),
    offline: args.has('--offline'),
    modelsMirror: mirror?.value,
    generatedKey: publishKey === undefined,
    hub: {
      port: port ? Number(port.value) : HUB_DEFAULTS.port,
      host: host?.value ?? HUB_DEFAULTS.host,
      publishKey,
      viewKey,
      allowedOrigins,
      maxFramesPerSecond,
      redisUrl: redis?.value,
      maxConnectionsPerIp,
      maxConnectsPerSecond,
      trustedProxies,
      metricsToken,
      metricsPort: metricsPort ? Number(metricsPort.value) : undefined,
      relayPath: relayPath ? (relayPath.value as RelayPath) : undefined,
      modelsDirs: [...new Set([...modelsDirs, ...HUB_DEFAULTS.modelsDirs])],
      appsDirs: {
        tracker: resolve(pick('--tracker-dir')?.value ?? HUB_DEFAULTS.appsDirs.tracker),
        avatar: resolve(pick('--avatar-dir')?.value ?? HUB_DEFAULTS.appsDirs.avatar),
      },
    },
  };
}
