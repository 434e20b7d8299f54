import { describe, expect, it } from 'vitest';
import { parseVmcArgs } from '../parseVmcArgs';
import { VmcUsageError } from '../VmcUsageError';

const BASE = ['--hub', 'http://127.0.0.1:8080', '--room', 'main'];

function refusal(args: string[], env: Record<string, string> = {}): string {
  try {
    parseVmcArgs(args, env);
  } catch (error) {
    expect(error).toBeInstanceOf(VmcUsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(args)}`);
}

describe('parseVmcArgs', () => {
  it('takes each direction alone or both, with defaults when a value is left out', () => {
    expect(parseVmcArgs([...BASE, '--out'], {})).toMatchObject({ out: { host: '127.0.0.1', port: 39539 }, statusSeconds: 5, arkitNames: 'arkit' });
    expect(parseVmcArgs([...BASE, '--out'], {}).in).toBeUndefined();
    expect(parseVmcArgs([...BASE, '--in', '--key', 'k'], {})).toMatchObject({ in: { host: '0.0.0.0', port: 39539 }, key: 'k' });
    expect(parseVmcArgs([...BASE, '--in', '39540', '--out', '192.168.1.20'], { RIGCAST_PUBLISH_KEY: 'env-key' })).toMatchObject({
      in: { host: '0.0.0.0', port: 39540 },
      out: { host: '192.168.1.20', port: 39539 },
      key: 'env-key',
    });
    expect(parseVmcArgs([...BASE, '--in=127.0.0.1:0', '--key=k', '--out=[::1]:40000', '--arkit-names', 'pascal', '--status', '0'], {})).toMatchObject({
      in: { host: '127.0.0.1', port: 0 },
      out: { host: '::1', port: 40000 },
      arkitNames: 'pascal',
      statusSeconds: 0,
    });
    expect(parseVmcArgs([...BASE, '--out', 'studio.local:39541', '--view-key', 'v'], {})).toMatchObject({ out: { host: 'studio.local', port: 39541 }, viewKey: 'v' });
    expect(parseVmcArgs(['--help'], {}).help).toBe(true);
  });

  it.each([
    [[], /^--hub is required/],
    [['--hub', 'ftp://x', '--room', 'r', '--out'], /^--hub needs an http/],
    [['--hub', 'http://h'], /^--room is required/],
    [['--hub', 'http://h', '--room', 'a b', '--out'], /^--room must be 1–64/],
    [BASE, /^nothing to do: give --in .* --out/],
    [[...BASE, '--in', '70000', '--key', 'k'], /^--in needs a UDP port from 0 to 65535, got "70000"/],
    [[...BASE, '--out', '127.0.0.1:0'], /^--out needs a UDP port from 1 to 65535, got "0"/],
    [[...BASE, '--out', 'bad host!:1'], /^--out needs a host name or IP address/],
    [[...BASE, '--out', '[1.2.3.4]:5'], /^--out: "1\.2\.3\.4" in brackets is not an IPv6 address/],
    [[...BASE, '--in'], /^--in publishes to the room and needs the hub's publish key: pass --key/],
    [[...BASE, '--key', 'k', '--in', '--out'], /^--out 127\.0\.0\.1:39539 is where --in listens/],
    [[...BASE, '--key', 'k', '--in', '0.0.0.0:40000', '--out', 'localhost:40000'], /is where --in listens/],
    [[...BASE, '--out', '--arkit-names', 'upper'], /^--arkit-names is "arkit" or "pascal"/],
    [[...BASE, '--out', '--status', 'soon'], /^--status needs a number of seconds/],
    [[...BASE, '--out', '--status', '-1'], /^--status needs a value/],
    [[...BASE, '--room'], /^--room needs a value/],
    [[...BASE, '--out', '--dance'], /^unknown option "--dance"/],
    [[...BASE, '--out', '--help=1'], /^--help takes no value/],
  ])('refuses %j with one line that says what to do', (args, pattern) => {
    const message = refusal(args);
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });

  it('lets a room\'s own VMC go out to another port of this machine', () => {
    expect(parseVmcArgs([...BASE, '--key', 'k', '--in', '39540', '--out', '127.0.0.1:39539'], {})).toMatchObject({ in: { port: 39540 }, out: { port: 39539 } });
  });
});
