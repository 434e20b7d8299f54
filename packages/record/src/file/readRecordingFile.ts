import { readFileSync } from 'node:fs';
import { RecordingError, readRecording, readRecordingJSONLines, type Recording } from '@rigcast/protocol';
import { RecordCommandError } from '../cli/RecordCommandError';

/** A recording read from a file, with the file's size. */
export interface RecordingFile {
  path: string;
  /** The file's size in bytes. */
  byteLength: number;
  recording: Recording;
}

/**
 * Reads and checks a whole recording file: a `.rig` file, or its JSON-lines form (`.jsonl`).
 * Nothing of a damaged file is returned. Throws {@link RecordCommandError} saying what is wrong.
 */
export function readRecordingFile(path: string): RecordingFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RecordCommandError(code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const recording = path.toLowerCase().endsWith('.jsonl') ? readRecordingJSONLines(bytes.toString('utf8')) : readRecording(bytes);
    return { path, byteLength: bytes.length, recording };
  } catch (error) {
    if (error instanceof RecordingError) throw new RecordCommandError(`${path} cannot be used: ${error.message}`);
    throw error;
  }
}
