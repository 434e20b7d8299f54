import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finished, waitForOutput } from '../../../../test/support/childOutput';
import { sharedPath } from '../../../../test/support/sharedData';
import { SUBCOMMANDS } from '../subcommands';

const MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../main.ts');
const FROM_SOURCE = ['--conditions=@rigcast/source', '--import', 'tsx'];

function rigcast(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [...FROM_SOURCE, MAIN, ...args], {
    env: { ...process.env, PORT: '0', RIGCAST_MODELS_DIR: sharedPath('models'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the rigcast command (real child processes)', () => {
  it('lists every subcommand with its summary', async () => {
    const result = await finished(rigcast(['--help']));
    expect(result.code).toBe(0);
    for (const s of SUBCOMMANDS) expect(result.stdout).toContain(`  ${s.name}`);
    expect(result.stdout).toContain('hub');
  });

  it('refuses an unknown command with one line and exit code 2', async () => {
    const result = await finished(rigcast(['dance']));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown command "dance".*hub/);
  });

  it('`rigcast hub` is the hub: its help, and a hub that starts and stops on SIGTERM', async () => {
    const help = await finished(rigcast(['help', 'hub']));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--publish-key');
    const child = rigcast(['hub', '--allow-missing-apps', '--offline'], { RIGCAST_PUBLISH_KEY: 'cli-key' });
    const done = finished(child);
    const banner = await waitForOutput(child, /avatar/i);
    expect(banner).toMatch(/key=cli-key/);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });
});
