import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { recordingToJSONLines, type Recording } from '@rigcast/protocol';
import { formatSummary, summarizeRecording, truncationWarning } from '../file/summarizeRecording';
import { readRecordingFile } from '../file/readRecordingFile';
import type { CommandSpec } from './CommandSpec';
import { RecordCommandError } from './RecordCommandError';
import { runCommand, say } from './runCommand';

export const EXPORT_COMMAND: CommandSpec = {
  name: 'export',
  synopsis: 'rigcast export show.rig [--jsonl out.jsonl] [--vrma out.vrma] [--bvh out.bvh]',
  about: [
    'Writes a recording in other forms: JSON lines to read (one frame a line), a VRM animation',
    '(VRMC_vrm_animation 1.0: bones, hips, expressions and lookAt at the recorded times) and a BVH',
    "(the default avatar's T-pose skeleton, resampled to a fixed frame rate).",
  ],
  positional: { name: 'show.rig', help: 'the recording (.rig, or its .jsonl form)' },
  options: {
    jsonl: { type: 'string', value: 'FILE', help: 'write the JSON-lines form' },
  },
};

async function writeJSONLines(recording: Recording, path: string): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    for (const line of recordingToJSONLines(recording)) {
      if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (error) {
    throw new RecordCommandError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** `rigcast export`: see {@link EXPORT_COMMAND}. */
export function runExport(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return runCommand(EXPORT_COMMAND, argv, env, async ({ values, positional }) => {
    if (!positional) throw new RecordCommandError('say which recording to export: rigcast export show.rig --jsonl out.jsonl', 2);
    const outputs = Object.keys(EXPORT_COMMAND.options).filter((name) => typeof values[name] === 'string');
    if (outputs.length === 0) throw new RecordCommandError(`say what to write: ${Object.keys(EXPORT_COMMAND.options).map((name) => `--${name} FILE`).join(', ')}`, 2);
    const { recording, byteLength } = readRecordingFile(positional);
    const print = (line: string) => say('export', line);
    print(`${positional}: ${formatSummary(summarizeRecording(recording, byteLength))}`);
    const warning = truncationWarning(positional, recording);
    if (warning) print(warning);
    if (typeof values.jsonl === 'string') {
      await writeJSONLines(recording, values.jsonl);
      print(`wrote ${values.jsonl}`);
    }
  });
}
