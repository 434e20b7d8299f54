import { HEADER_BYTES, MAX_FRAME_BYTES } from '../codec/FrameLayout.js';
import { validateFrame } from '../codec/validateFrame.js';
import { crc32 } from './crc32.js';
import type { RecordedFrame, Recording } from './Recording.js';
import { RecordingError, RecordingErrorReason } from './RecordingError.js';
import {
  ARRIVAL_TICKS_PER_MS,
  CHECKSUM_OFFSET,
  LENGTH_OFFSET,
  RECORD_HEADER_BYTES,
  RECORDING_FORMAT_VERSION,
  RECORDING_HEADER_BYTES,
  RECORDING_SIGNATURE,
  STARTED_AT_OFFSET,
  VERSION_OFFSET,
} from './RecordingLayout.js';

function startsWithSignature(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, RECORDING_SIGNATURE.length);
  for (let i = 0; i < length; i++) if (bytes[i] !== RECORDING_SIGNATURE[i]) return false;
  return length > 0;
}

/**
 * Reads a whole recording (see {@link RECORDING_FORMAT_VERSION} for the layout) and checks all of
 * it before returning anything: every record's checksum, length and arrival order, and every frame
 * through the frame decoder. So a damaged file is refused as a whole, and nothing of it is ever
 * replayed. A file cut short inside its last record (a recorder that crashed) is not damaged: its
 * complete frames are returned, and the rest is reported in {@link Recording.truncatedTail}.
 * Throws {@link RecordingError} saying what is wrong and at which byte.
 * @example
 * const recording = readRecording(new Uint8Array(await file.arrayBuffer()));
 * if (recording.truncatedTail) console.warn('the recording was cut short');
 */
export function readRecording(bytes: Uint8Array): Recording {
  if (!startsWithSignature(bytes)) {
    throw new RecordingError(RecordingErrorReason.NotARecording, 'it does not start with the rigcast recording signature (89 52 49 47 0D 0A 1A 0A)', 0);
  }
  if (bytes.length < RECORDING_HEADER_BYTES) {
    throw new RecordingError(RecordingErrorReason.TruncatedHeader, `it ends after ${bytes.length} bytes, inside the ${RECORDING_HEADER_BYTES}-byte file header, so it holds no frames`, bytes.length);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(VERSION_OFFSET, true);
  if (version !== RECORDING_FORMAT_VERSION) {
    throw new RecordingError(
      RecordingErrorReason.UnsupportedVersion,
      `it is a version ${version} recording and this build reads version ${RECORDING_FORMAT_VERSION}; use the rigcast release that made it`,
      VERSION_OFFSET,
    );
  }
  const startedAt = view.getFloat64(STARTED_AT_OFFSET, true);

  const frames: RecordedFrame[] = [];
  let offset = RECORDING_HEADER_BYTES;
  let lastArrival = 0;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < RECORD_HEADER_BYTES) return { version, startedAt, frames, truncatedTail: { offset, byteLength: remaining } };
    const arrival = view.getUint32(offset, true);
    const length = view.getUint16(offset + LENGTH_OFFSET, true);
    const where = `record ${frames.length + 1} at byte ${offset}`;
    if (length < HEADER_BYTES || length > MAX_FRAME_BYTES) {
      throw new RecordingError(RecordingErrorReason.Corrupt, `${where} claims a ${length}-byte frame; frames are ${HEADER_BYTES}–${MAX_FRAME_BYTES} bytes`, offset);
    }
    const end = offset + RECORD_HEADER_BYTES + length;
    if (end > bytes.length) return { version, startedAt, frames, truncatedTail: { offset, byteLength: remaining } };
    const checksum = crc32(bytes, offset + RECORD_HEADER_BYTES, end, crc32(bytes, offset, offset + CHECKSUM_OFFSET));
    if (checksum !== view.getUint32(offset + CHECKSUM_OFFSET, true)) {
      throw new RecordingError(RecordingErrorReason.Corrupt, `${where} fails its checksum: the file was damaged`, offset);
    }
    if (arrival < lastArrival) {
      throw new RecordingError(RecordingErrorReason.Corrupt, `${where} arrives before the record ahead of it`, offset);
    }
    const frame = bytes.subarray(offset + RECORD_HEADER_BYTES, end);
    const problem = validateFrame(frame);
    if (problem) throw new RecordingError(RecordingErrorReason.InvalidFrame, `${where} holds no valid RigFrame (${problem.message})`, offset);
    frames.push({ arrivalMs: arrival / ARRIVAL_TICKS_PER_MS, bytes: frame });
    lastArrival = arrival;
    offset = end;
  }
  return { version, startedAt, frames, truncatedTail: null };
}
