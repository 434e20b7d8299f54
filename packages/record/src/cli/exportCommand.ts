import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { recordingToJSONLines, type Recording } from '@rigcast/protocol';
import { DEFAULT_BVH_FPS, encodeBvh } from '../export/encodeBvh';
import { encodeVrma } from '../export/encodeVrma';
import { poseTrackFromRecording } from '../export/poseTrackFromRecording';
import { formatBytes, formatSummary, summarizeRecording, truncationWarning } from '../file/summarizeRecording';
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
    vrma: { type: 'string', value: 'FILE', help: 'write a VRM animation (.vrma)' },
    bvh: { type: 'string', value: 'FILE', help: 'write a BVH (.bvh)' },
    'bvh-fps': { type: 'string', value: 'N', help: "the BVH's frame rate", default: String(DEFAULT_BVH_FPS) },
  },
};

/** The options that name an output file. */
const OUTPUTS = ['jsonl', 'vrma', 'bvh'] as const;

function writeFile(path: string, data: Uint8Array | string): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new RecordCommandError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

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
    if (OUTPUTS.every((name) => typeof values[name] !== 'string')) {
      throw new RecordCommandError(`say what to write: ${OUTPUTS.map((name) => `--${name} FILE`).join(', ')}`, 2);
    }
    const fps = Number(values['bvh-fps']);
    if (!(fps > 0 && fps <= 1000)) throw new RecordCommandError(`--bvh-fps must be a frame rate above 0 and at most 1000, got "${String(values['bvh-fps'])}"`, 2);
    const { recording, byteLength } = readRecordingFile(positional);
    const print = (line: string) => say('export', line);
    print(`${positional}: ${formatSummary(summarizeRecording(recording, byteLength))}`);
    const warning = truncationWarning(positional, recording);
    if (warning) print(warning);
    if (recording.frames.length === 0) throw new RecordCommandError(`${positional} holds no frames; nothing to export`);
    if (typeof values.jsonl === 'string') {
      await writeJSONLines(recording, values.jsonl);
      print(`wrote ${values.jsonl} (${recording.frames.length + 1} lines)`);
    }
    if (typeof values.vrma !== 'string' && typeof values.bvh !== 'string') return;
    const track = poseTrackFromRecording(recording);
    if (typeof values.vrma === 'string') {
      const vrma = encodeVrma(track);
      writeFile(values.vrma, vrma);
      print(`wrote ${values.vrma} (${formatBytes(vrma.length)}, ${track.count} poses at the recorded times)`);
    }
    if (typeof values.bvh === 'string') {
      const bvh = encodeBvh(track, fps);
      writeFile(values.bvh, bvh);
      print(`wrote ${values.bvh} (${formatBytes(bvh.length)}, ${fps} fps)`);
    }
  });
}
