import { rmSync } from 'node:fs';
import { formatBytes, formatDuration, formatSummary, summarizeRecording } from '../file/summarizeRecording';
import { readRecordingFile } from '../file/readRecordingFile';
import { HubRecorder } from '../hub/HubRecorder';
import type { CommandSpec } from './CommandSpec';
import { HUB_OPTIONS, readHubTarget } from './readHubTarget';
import { RecordCommandError } from './RecordCommandError';
import { CommandRun } from './CommandRun';
import { runCommand, say } from './runCommand';

const MS_PER_MINUTE = 60_000;

export const RECORD_COMMAND: CommandSpec = {
  name: 'record',
  synopsis: 'rigcast record --hub URL --room NAME [--key VIEWKEY] --out show.rig [--seconds N] [--force]',
  about: [
    'Records a room of a hub into a file, as a viewer: every frame as it came off the wire, with its',
    'arrival time. The file grows as frames arrive, so a crash or a kill loses nothing already received.',
    'Ctrl+C (or --seconds) ends the recording and prints its size per minute.',
  ],
  options: {
    ...HUB_OPTIONS,
    key: { type: 'string', value: 'VIEWKEY', help: "the hub's view key, if it has one", env: 'RIGCAST_VIEW_KEY' },
    out: { type: 'string', value: 'FILE', help: 'the recording to write (.rig)' },
    seconds: { type: 'string', value: 'N', help: 'stop after N seconds' },
    force: { type: 'boolean', help: 'replace --out if it exists' },
  },
};

function readSeconds(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!(seconds > 0 && Number.isFinite(seconds))) throw new RecordCommandError(`--seconds must be a number of seconds above 0, got "${String(value)}"`, 2);
  return seconds;
}

/** `rigcast record`: see {@link RECORD_COMMAND}. */
export function runRecord(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return runCommand(RECORD_COMMAND, argv, env, async ({ values }) => {
    const target = readHubTarget(values);
    if (typeof values.out !== 'string' || values.out === '') throw new RecordCommandError('say where to write the recording: --out show.rig', 2);
    const seconds = readSeconds(values.seconds);
    const print = (line: string) => say('record', line);

    const run = new CommandRun(print);
    const recorder = new HubRecorder(target, { path: values.out, overwrite: values.force === true }, { onChange: run.onChange });
    run.watch(recorder.client);
    print(`recording room ${target.room} of ${target.url} into ${values.out}${seconds ? ` for ${seconds} s` : ''}; Ctrl+C stops`);
    const timer = seconds ? setTimeout(run.end, seconds * 1000) : undefined;
    await run.until(() => {
      const { frames, bytes } = recorder.writer;
      const perMinute = (bytes * MS_PER_MINUTE) / recorder.elapsedMs;
      return `${formatDuration(recorder.elapsedMs)} · ${frames} frames · ${formatBytes(bytes)} · ${formatBytes(perMinute)} per minute`;
    });
    clearTimeout(timer);
    recorder.stop();
    // Refused before any frame: leave no empty recording behind.
    if (run.fatal && recorder.writer.frames === 0) {
      rmSync(values.out, { force: true });
      throw new RecordCommandError(run.fatal);
    }

    if (recorder.invalid > 0) print(`left out ${recorder.invalid} byte strings that were not valid frames`);
    const { recording, byteLength } = readRecordingFile(values.out);
    print(`saved ${values.out}: ${formatSummary(summarizeRecording(recording, byteLength))}`);
    if (run.fatal) throw new RecordCommandError(run.fatal);
  });
}
