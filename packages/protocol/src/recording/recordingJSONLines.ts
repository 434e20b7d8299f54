import { FrameDecodeError } from '../codec/FrameDecodeError.js';
import { decodeFrame } from '../codec/decodeFrame.js';
import { encodeFrame } from '../codec/encodeFrame.js';
import { frameFromJSON, frameToJSON, type RigFrameJSON } from '../codec/frameJSON.js';
import type { RecordedFrame, Recording } from './Recording.js';
import { RecordingError, RecordingErrorReason } from './RecordingError.js';
import { ARRIVAL_TICKS_PER_MS, RECORDING_FORMAT_VERSION } from './RecordingLayout.js';

/** What names a JSON-lines recording, in its first line. */
export const RECORDING_JSON_FORMAT = 'rigcast-recording';

/** The first line of a JSON-lines recording. */
export interface RecordingJSONHeader {
  format: typeof RECORDING_JSON_FORMAT;
  /** The recording format version ({@link RECORDING_FORMAT_VERSION}). */
  version: number;
  /** When the recording started, ms since the Unix epoch, and the same as an ISO date. */
  startedAt: number;
  startedAtISO: string;
  /** How many frame lines follow. */
  frames: number;
}

/** Every later line: one frame in its JSON form ({@link frameToJSON}) and when it arrived. */
export interface RecordedFrameJSON {
  /** Arrival, ms after the recording started. */
  arrivalMs: number;
  frame: RigFrameJSON;
}

/**
 * The JSON-lines form of a recording, for people and scripts: a {@link RecordingJSONHeader} line,
 * then one {@link RecordedFrameJSON} line per frame. Lines come one at a time, so an hour of
 * frames streams to a file without being held as one string.
 * @example
 * for (const line of recordingToJSONLines(recording)) out.write(`${line}\n`);
 */
export function* recordingToJSONLines(recording: Recording): Generator<string> {
  const header: RecordingJSONHeader = {
    format: RECORDING_JSON_FORMAT,
    version: recording.version,
    startedAt: recording.startedAt,
    startedAtISO: new Date(recording.startedAt).toISOString(),
    frames: recording.frames.length,
  };
  yield JSON.stringify(header);
  for (const { arrivalMs, bytes } of recording.frames) {
    const line: RecordedFrameJSON = { arrivalMs: Math.round(arrivalMs * ARRIVAL_TICKS_PER_MS) / ARRIVAL_TICKS_PER_MS, frame: frameToJSON(decodeFrame(bytes)) };
    yield JSON.stringify(line);
  }
}

function lineError(line: number, detail: string): RecordingError {
  return new RecordingError(RecordingErrorReason.InvalidFrame, `line ${line} ${detail}`);
}

/**
 * Reads the JSON-lines form back into a recording, each frame validated ({@link frameFromJSON})
 * and encoded to binary again. For frames that came from the wire the bytes are the same.
 * Throws {@link RecordingError} naming the first bad line.
 */
export function readRecordingJSONLines(text: string): Recording {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  let header: Partial<RecordingJSONHeader> | undefined;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    header = undefined;
  }
  if (header?.format !== RECORDING_JSON_FORMAT) {
    throw new RecordingError(RecordingErrorReason.NotARecording, `its first line is not {"format":"${RECORDING_JSON_FORMAT}",…}`);
  }
  if (header.version !== RECORDING_FORMAT_VERSION) {
    throw new RecordingError(RecordingErrorReason.UnsupportedVersion, `it is a version ${String(header.version)} recording and this build reads version ${RECORDING_FORMAT_VERSION}`);
  }
  const frames: RecordedFrame[] = [];
  let lastArrival = 0;
  for (let i = 1; i < lines.length; i++) {
    let parsed: Partial<RecordedFrameJSON>;
    try {
      parsed = JSON.parse(lines[i]);
    } catch {
      throw lineError(i + 1, 'is not valid JSON');
    }
    const arrivalMs = parsed.arrivalMs;
    if (typeof arrivalMs !== 'number' || !(arrivalMs >= lastArrival)) throw lineError(i + 1, `has arrivalMs ${String(arrivalMs)}; it must be a number no smaller than the line before's`);
    let bytes: Uint8Array;
    try {
      bytes = encodeFrame(frameFromJSON(parsed.frame));
    } catch (error) {
      throw lineError(i + 1, `holds no valid frame (${error instanceof FrameDecodeError ? error.message : String(error)})`);
    }
    frames.push({ arrivalMs: Math.round(arrivalMs * ARRIVAL_TICKS_PER_MS) / ARRIVAL_TICKS_PER_MS, bytes });
    lastArrival = arrivalMs;
  }
  return { version: RECORDING_FORMAT_VERSION, startedAt: typeof header.startedAt === 'number' ? header.startedAt : 0, frames, truncatedTail: null };
}
