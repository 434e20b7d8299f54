import { MAX_REPLAY_SPEED, MIN_REPLAY_SPEED } from '@rigcast/protocol';
import { formatDuration, formatSummary, summarizeRecording, truncationWarning } from '../file/summarizeRecording';
import { readRecordingFile } from '../file/readRecordingFile';
import { HubReplayer } from '../hub/HubReplayer';
import type { CommandSpec } from './CommandSpec';
import { HUB_OPTIONS, readHubTarget } from './readHubTarget';
import { RecordCommandError } from './RecordCommandError';
import { CommandRun } from './CommandRun';
import { runCommand, say } from './runCommand';


export const REPLAY_COMMAND: CommandSpec = {
  name: 'replay',
  synopsis: 'rigcast replay show.rig --hub URL --room NAME --key KEY [--loop] [--speed X]',
  about: [
    'Plays a recording into a room of a hub, as a publisher, at its recorded timing. Viewers get the',
    'recorded bytes; only seq and time change, on loops (so both keep increasing) and at other speeds',
    '(so time keeps pace). A damaged file is refused before anything is sent.',
  ],
  positional: { name: 'show.rig', help: 'the recording (.rig, or its .jsonl form)' },
  options: {
    ...HUB_OPTIONS,
    key: { type: 'string', value: 'KEY', help: "the hub's publish key (key= in the tracker URL it prints)", env: 'RIGCAST_PUBLISH_KEY' },
    loop: { type: 'boolean', help: 'start over at the end, until Ctrl+C' },
    speed: { type: 'string', value: 'X', help: `playback speed, ${MIN_REPLAY_SPEED} to ${MAX_REPLAY_SPEED}`, default: '1' },
  },
};

/** `rigcast replay`: see {@link REPLAY_COMMAND}. */
export function runReplay(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return runCommand(REPLAY_COMMAND, argv, env, async ({ values, positional }) => {
    if (!positional) throw new RecordCommandError('say which recording to play: rigcast replay show.rig …', 2);
    const target = readHubTarget(values);
    const speed = Number(values.speed);
    if (!(speed >= MIN_REPLAY_SPEED && speed <= MAX_REPLAY_SPEED)) {
      throw new RecordCommandError(`--speed must be a number from ${MIN_REPLAY_SPEED} to ${MAX_REPLAY_SPEED}, got "${String(values.speed)}"`, 2);
    }
    const { recording, byteLength } = readRecordingFile(positional);
    const summary = summarizeRecording(recording, byteLength);
    const print = (line: string) => say('replay', line);
    print(`${positional}: ${formatSummary(summary)}`);
    const warning = truncationWarning(positional, recording);
    if (warning) print(warning);
    if (recording.frames.length === 0) throw new RecordCommandError(`${positional} holds no frames; nothing to play`);

    const run = new CommandRun(print);
    const loop = values.loop === true;
    const replayer = new HubReplayer(target, recording.frames, { loop, speed, onEnd: run.end, onChange: run.onChange });
    run.watch(replayer.client);
    print(`playing into room ${target.room} of ${target.url}${loop ? ' in a loop' : ''}${speed !== 1 ? ` at ${speed}×` : ''}; Ctrl+C stops`);
    const { stats } = replayer.player;
    const started = performance.now();
    await run.until(() => `pass ${stats.passes} · ${stats.sent} frames sent · ${stats.dropped} dropped`);
    await replayer.stop();
    if (run.fatal) throw new RecordCommandError(run.fatal);

    const p50 = replayer.player.latenessQuantile(0.5);
    const p99 = replayer.player.latenessQuantile(0.99);
    print(
      `sent ${stats.sent} frames in ${formatDuration(performance.now() - started)} (${stats.passes} ${stats.passes === 1 ? 'pass' : 'passes'}), ` +
        `dropped ${stats.dropped}; timing error p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms` +
        (stats.stalls > 0 ? `; fell behind and resumed ${stats.stalls} times` : ''),
    );
  });
}
