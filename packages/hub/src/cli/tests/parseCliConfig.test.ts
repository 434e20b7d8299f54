import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_DEFAULTS } from '../../HubOptions.js';
import { PACKAGE_DIR } from '../../packagePaths.js';
import { CliConfigError } from '../CliConfigError.js';
import { parseCliConfig } from '../parseCliConfig.js';

describe('parseCliConfig', () => {
  it('has the documented defaults', () => {
    const config = parseCliConfig([], {});
    expect(config.hub).toMatchObject({ port: 8080, host: '127.0.0.1', maxFramesPerSecond: 120, allowedOrigins: [] });
    expect(config.hub.publishKey).toBeUndefined();
    expect(config.generatedKey).toBe(true);
    expect(config.room).toBe('main');
    expect(config.offline).toBe(false);
    expect(config.modelsMirror).toBeUndefined();
    // Everything served by default lives in the package itself, not in a checkout around it.
    expect(config.hub.modelsDirs).toEqual([join(PACKAGE_DIR, 'models')]);
    expect(config.hub.appsDirs).toEqual({ tracker: join(PACKAGE_DIR, 'public/tracker'), avatar: join(PACKAGE_DIR, 'public/avatar') });
  });

  it('reads the environment, and flags win over it', () => {
    const env = { PORT: '9000', HOST: '0.0.0.0', RIGCAST_PUBLISH_KEY: 'pk', RIGCAST_VIEW_KEY: 'vk', RIGCAST_MAX_FPS: '60', RIGCAST_ALLOWED_ORIGINS: 'https://a.example, https://b.example', RIGCAST_MODELS_DIR: '/tmp' };
    const fromEnv = parseCliConfig([], env);
    expect(fromEnv.hub).toMatchObject({ port: 9000, host: '0.0.0.0', publishKey: 'pk', viewKey: 'vk', maxFramesPerSecond: 60, allowedOrigins: ['https://a.example', 'https://b.example'] });
    expect(fromEnv.hub.modelsDirs).toEqual(['/tmp', ...HUB_DEFAULTS.modelsDirs]);
    expect(fromEnv.generatedKey).toBe(false);
    const flags = parseCliConfig(['--port=9001', '--publish-key', 'flag-key', '--max-fps', '30', '--room', 'show'], env);
    expect(flags.hub).toMatchObject({ port: 9001, publishKey: 'flag-key', maxFramesPerSecond: 30 });
    expect(flags.room).toBe('show');
  });

  it('searches every --models-dir in order, then RIGCAST_MODELS_DIR, then the package folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'rigcast-models-'));
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(root, name));
    for (const dir of [a, b, c]) mkdirSync(dir);
    try {
      const config = parseCliConfig(['--models-dir', a, `--models-dir=${b}`], { RIGCAST_MODELS_DIR: c });
      expect(config.hub.modelsDirs).toEqual([a, b, c, ...HUB_DEFAULTS.modelsDirs]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads --offline and the models mirror', () => {
    const config = parseCliConfig(['--offline'], { RIGCAST_MODELS_MIRROR: 'http://127.0.0.1:9/models/' });
    expect(config.offline).toBe(true);
    expect(config.modelsMirror).toBe('http://127.0.0.1:9/models/');
  });

  it('reads cluster mode, the connection limits, trusted proxies, the metrics restrictions and the relay path', () => {
    const defaults = parseCliConfig([], {}).hub;
    expect(defaults).toMatchObject({ redisUrl: undefined, maxConnectionsPerIp: 50, maxConnectsPerSecond: 10, trustedProxies: [], metricsToken: undefined, metricsPort: undefined, relayPath: undefined });
    const env = {
      RIGCAST_REDIS_URL: 'redis://10.0.0.5:6379',
      RIGCAST_MAX_CONNECTIONS_PER_IP: '0',
      RIGCAST_MAX_CONNECTS_PER_SECOND: '3',
      RIGCAST_TRUSTED_PROXIES: '10.0.0.2, ::1',
      RIGCAST_METRICS_TOKEN: 'scrape',
      RIGCAST_METRICS_PORT: '9100',
      RIGCAST_RELAY_PATH: 'public',
    };
    expect(parseCliConfig([], env).hub).toMatchObject({
      redisUrl: 'redis://10.0.0.5:6379',
      maxConnectionsPerIp: 0,
      maxConnectsPerSecond: 3,
      trustedProxies: ['10.0.0.2', '::1'],
      metricsToken: 'scrape',
      metricsPort: 9100,
      relayPath: 'public',
    });
    expect(parseCliConfig(['--redis', 'rediss://user:pw@redis.example:6380', '--max-connections-per-ip=7', '--relay-path', 'fast'], env).hub).toMatchObject({
      redisUrl: 'rediss://user:pw@redis.example:6380',
      maxConnectionsPerIp: 7,
      relayPath: 'fast',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(parseCliConfig([], { PORT: '', RIGCAST_PUBLISH_KEY: '' }).hub).toMatchObject({ port: 8080, publishKey: undefined });
  });

  it('names the bad variable and the rule in one line', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /^PORT must be a whole number from 0 to 65535, got "eighty"$/],
      [{ PORT: '65536' }, /^PORT must be a whole number/],
      [{ HOST: 'local host' }, /^HOST must be a host name or IP address/],
      [{ RIGCAST_MAX_FPS: '0' }, /^RIGCAST_MAX_FPS must be a number of frames a second above 0 and at most 10000, got "0"$/],
      [{ RIGCAST_ALLOWED_ORIGINS: 'https://ok.example,not an origin' }, /^RIGCAST_ALLOWED_ORIGINS: "not an origin" is not an origin; write it like https:\/\/example.com/],
      [{ RIGCAST_ALLOWED_ORIGINS: 'https://ok.example/path' }, /^RIGCAST_ALLOWED_ORIGINS: "https:\/\/ok.example\/path" is not an origin; write only scheme, host and port/],
      [{ RIGCAST_MODELS_DIR: '/no/such/dir' }, /^RIGCAST_MODELS_DIR must be an existing folder, but \/no\/such\/dir is not one$/],
      [{ RIGCAST_MODELS_MIRROR: 'ftp://models.example/' }, /^RIGCAST_MODELS_MIRROR must be an http:\/\/ or https:\/\/ URL such as https:\/\/models.example\/rigcast\/, got "ftp:\/\/models.example\/"$/],
      [{ RIGCAST_PUBLISH_KEY: 'has a space' }, /^RIGCAST_PUBLISH_KEY must be 1–256 printable characters without spaces$/],
      [{ RIGCAST_REDIS_URL: 'localhost:6379' }, /^RIGCAST_REDIS_URL must be a Redis URL such as redis:\/\/127.0.0.1:6379 \(rediss:\/\/ for TLS\), got "localhost:6379"$/],
      [{ RIGCAST_MAX_CONNECTIONS_PER_IP: 'many' }, /^RIGCAST_MAX_CONNECTIONS_PER_IP must be a whole number from 0 \(off\) to 1000000, got "many"$/],
      [{ RIGCAST_MAX_CONNECTS_PER_SECOND: '-1' }, /^RIGCAST_MAX_CONNECTS_PER_SECOND must be a whole number/],
      [{ RIGCAST_TRUSTED_PROXIES: '10.0.0.2,nginx' }, /^RIGCAST_TRUSTED_PROXIES must list IP addresses such as 10.0.0.5, got "nginx"$/],
      [{ RIGCAST_METRICS_PORT: 'ninety' }, /^RIGCAST_METRICS_PORT must be a whole number from 0 to 65535, got "ninety"$/],
      [{ RIGCAST_RELAY_PATH: 'turbo' }, /^RIGCAST_RELAY_PATH must be "fast" or "public", got "turbo"$/],
    ];
    for (const [env, pattern] of cases) expect(() => parseCliConfig([], env)).toThrow(pattern);
    expect(() => parseCliConfig(['--prot', '80'], {})).toThrow(/^unknown option "--prot"; run rigcast-hub --help for the list$/);
  });

  it('throws one-line CliConfigErrors for bad values', () => {
    const bad: [string[], Record<string, string>][] = [
      [[], { PORT: '-1' }],
      [[], { PORT: '1e3' }],
      [['--port'], {}],
      [['--room', 'two words'], {}],
      [['--allow-missing-apps=yes'], {}],
      [[], { RIGCAST_MAX_FPS: 'fast' }],
      [[], { RIGCAST_VIEW_KEY: 'x'.repeat(300) }],
    ];
    for (const [argv, env] of bad) {
      let error: unknown;
      try {
        parseCliConfig(argv, env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliConfigError);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
