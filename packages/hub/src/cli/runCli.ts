import type { RecordedFrame } from '@rigcast/protocol';
import { createHub } from '../createHub.js';
import type { Hub } from '../HubOptions.js';
import { PACKAGE_PATHS } from '../packagePaths.js';
import { CliConfigError } from './CliConfigError.js';
import { checkAppBuilds } from './checkAppBuilds.js';
import { DemoPublisher } from './DemoPublisher.js';
import { fetchMissingModels } from './fetchMissingModels.js';
import { helpText } from './helpText.js';
import { parseCliConfig } from './parseCliConfig.js';
import { startupBanner } from './startupBanner.js';

/** Exit codes of `rigcast-hub`. */
export const CliExitCode = { Ok: 0, Failed: 1, BadConfig: 2 } as const;
export type CliExitCode = (typeof CliExitCode)[keyof typeof CliExitCode];

/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 5000;

function fail(message: string, code: CliExitCode): never {
  process.stderr.write(`rigcast-hub: ${message}\n`);
  process.exit(code);
}

/**
 * The `rigcast-hub` command: parse options, start the hub, fetch missing models, print the URLs,
 * and shut down gracefully on SIGINT/SIGTERM. Every failure is one line on stderr and a non-zero exit.
 */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  let config;
  try {
    config = parseCliConfig(argv, env);
  } catch (error) {
    if (error instanceof CliConfigError) fail(error.message, CliExitCode.BadConfig);
    throw error;
  }
  if (config.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  let demoFrames: RecordedFrame[] | null = null;
  try {
    if (!config.allowMissingApps) checkAppBuilds(config.hub.appsDirs);
    if (config.demo) demoFrames = DemoPublisher.read(PACKAGE_PATHS.demo);
  } catch (error) {
    if (error instanceof CliConfigError) fail(error.message, CliExitCode.Failed);
    throw error;
  }

  // Signal handlers go in before anything is printed, so a signal sent as soon as the URLs
  // appear (or during start-up) still shuts down cleanly.
  let hub: Hub | undefined;
  let demo: DemoPublisher | undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) fail(`${signal} again; exiting without waiting`, CliExitCode.Failed);
    stopping = true;
    process.stdout.write(`rigcast-hub: ${signal}, closing connections…\n`);
    setTimeout(() => fail(`shutdown took over ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`, CliExitCode.Failed), SHUTDOWN_DEADLINE_MS).unref();
    demo?.stop();
    (hub ? hub.close() : Promise.resolve()).then(
      () => {
        process.stdout.write('rigcast-hub: stopped.\n');
        process.exit(CliExitCode.Ok);
      },
      (error: Error) => fail(`shutdown failed: ${error.message}`, CliExitCode.Failed),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let started: Hub;
  try {
    started = await createHub(config.hub);
  } catch (error) {
    fail((error as Error).message, CliExitCode.Failed);
  }
  hub = started;
  if (stopping) {
    await started.close();
    process.exit(CliExitCode.Ok);
  }
  // After listening, so a busy port fails before a download; before the URLs, so a tracker opened
  // from them finds its model.
  await fetchMissingModels(
    { modelsDirs: config.hub.modelsDirs, into: PACKAGE_PATHS.models, offline: config.offline, mirror: config.modelsMirror },
    {
      info: (line) => process.stdout.write(`rigcast-hub: ${line}\n`),
      warn: (line) => process.stderr.write(`rigcast-hub: ${line}\n`),
    },
  );
  if (stopping) return;
  if (demoFrames) demo = new DemoPublisher(demoFrames, started, config.room);
  process.stdout.write(`${startupBanner(started, config.room, config.generatedKey, config.demo)}\n`);
}
