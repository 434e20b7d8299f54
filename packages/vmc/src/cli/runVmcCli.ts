import { ConnectionState, type HubClient, type RefusalAdvice } from '@rigcast/client';
import { ConnectErrorCode } from '@rigcast/protocol';
import { VmcIn } from '../in/VmcIn';
import { VmcOut } from '../out/VmcOut';
import { formatInStatus, formatOutStatus, hubStatus } from './formatVmcStatus';
import { parseVmcArgs } from './parseVmcArgs';
import type { VmcCliConfig } from './VmcCliConfig';
import { vmcHelp } from './vmcHelp';
import { VmcUsageError } from './VmcUsageError';

/** Exit codes of `rigcast vmc`. */
export const VmcExitCode = { Ok: 0, Failed: 1, BadUsage: 2 } as const;
export type VmcExitCode = (typeof VmcExitCode)[keyof typeof VmcExitCode];

/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 3000;
const PREFIX = 'rigcast vmc:';
const ROOM_ADVICE = 'use --room with 1–64 letters, digits, "_" or "-"';

/** What to do about a refusal, in command-line words. */
const IN_ADVICE: RefusalAdvice = {
  [ConnectErrorCode.BadKey]: 'pass --key with the hub\'s publish key (the key= of the tracker URL it prints, or its RIGCAST_PUBLISH_KEY)',
  [ConnectErrorCode.BadRoom]: ROOM_ADVICE,
};
const OUT_ADVICE: RefusalAdvice = {
  [ConnectErrorCode.BadKey]: 'pass --view-key with the hub\'s view key (its RIGCAST_VIEW_KEY)',
  [ConnectErrorCode.BadRoom]: ROOM_ADVICE,
};

function say(line: string): void {
  process.stdout.write(`${PREFIX} ${line}\n`);
}

function fail(message: string, code: VmcExitCode): never {
  process.stderr.write(`${PREFIX} ${message}\n`);
  process.exit(code);
}

/** Prints a line each time a hub link changes state (not on every RTT update). */
function watchState(direction: string): { onChange: () => void; attach(client: HubClient): void } {
  let client: HubClient | undefined;
  let last: string | undefined;
  return {
    attach: (c) => (client = c),
    onChange: () => {
      if (!client || client.state === last) return;
      last = client.state;
      if (client.state !== ConnectionState.Closed) say(`${direction}: ${hubStatus(client, true)}`);
    },
  };
}

/**
 * `rigcast vmc`: parses the options, starts `in`, `out` or both, prints what it does, the hub
 * link's changes and a status line every `--status` seconds, and closes everything on SIGINT or
 * SIGTERM (exit 0). A bad option is one line on stderr and exit 2; a port it cannot have, exit 1.
 */
export async function runVmcCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  let config: VmcCliConfig;
  try {
    config = parseVmcArgs(argv, env);
  } catch (error) {
    if (error instanceof VmcUsageError) fail(error.message, VmcExitCode.BadUsage);
    throw error;
  }
  if (config.help) {
    process.stdout.write(`${vmcHelp()}\n`);
    return;
  }

  let inBridge: VmcIn | undefined;
  let outBridge: VmcOut | undefined;
  let statusTimer: ReturnType<typeof setInterval> | undefined;
  let stopping = false;
  const closeAll = () => Promise.all([inBridge?.close(), outBridge?.close()]);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) fail(`${signal} again; exiting without waiting`, VmcExitCode.Failed);
    stopping = true;
    clearInterval(statusTimer);
    printStatus();
    say(`${signal}, closing…`);
    setTimeout(() => fail(`closing took over ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`, VmcExitCode.Failed), SHUTDOWN_DEADLINE_MS).unref();
    closeAll().then(
      () => {
        say('stopped.');
        process.exit(VmcExitCode.Ok);
      },
      (error: Error) => fail(`closing failed: ${error.message}`, VmcExitCode.Failed),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const inState = watchState('in');
  const outState = watchState('out');
  try {
    if (config.in) {
      inBridge = await VmcIn.start({
        hub: config.hub,
        room: config.room,
        key: config.key,
        host: config.in.host,
        port: config.in.port,
        client: { advice: IN_ADVICE },
        onChange: inState.onChange,
      });
      inState.attach(inBridge.client);
      say(`in: listening for VMC on UDP ${inBridge.host}:${inBridge.port}, publishing to room "${config.room}" at ${config.hub}`);
    }
    if (config.out) {
      outBridge = await VmcOut.start({
        hub: config.hub,
        room: config.room,
        key: config.viewKey,
        host: config.out.host,
        port: config.out.port,
        arkitNames: config.arkitNames,
        client: { advice: OUT_ADVICE },
        onChange: outState.onChange,
      });
      outState.attach(outBridge.client);
      say(`out: viewing room "${config.room}" at ${config.hub}, sending VMC to UDP ${outBridge.address}:${outBridge.port}`);
    }
  } catch (error) {
    await closeAll();
    fail((error as Error).message, VmcExitCode.Failed);
  }

  let lastAt = performance.now();
  let lastIn = 0;
  let lastOut = 0;
  function printStatus(): void {
    const now = performance.now();
    const seconds = (now - lastAt) / 1000;
    if (inBridge) say(formatInStatus(inBridge, lastIn, seconds));
    if (outBridge) say(formatOutStatus(outBridge, lastOut, seconds));
    lastAt = now;
    lastIn = inBridge?.assembler.stats.frames ?? 0;
    lastOut = outBridge?.stats.framesSent ?? 0;
  }
  if (config.statusSeconds > 0) statusTimer = setInterval(printStatus, config.statusSeconds * 1000);
}
