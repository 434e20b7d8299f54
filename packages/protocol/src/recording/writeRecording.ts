import { MAX_FRAME_BYTES } from '../codec/FrameLayout.js';
import { crc32 } from './crc32.js';
import {
  ARRIVAL_TICKS_PER_MS,
  CHECKSUM_OFFSET,
  LENGTH_OFFSET,
  MAX_ARRIVAL_MS,
  RECORD_HEADER_BYTES,
  RECORDING_FORMAT_VERSION,
  RECORDING_HEADER_BYTES,
  RECORDING_SIGNATURE,
  STARTED_AT_OFFSET,
  VERSION_OFFSET,
} from './RecordingLayout.js';

/** The largest record: a record header and the largest frame. */
export const MAX_RECORD_BYTES = RECORD_HEADER_BYTES + MAX_FRAME_BYTES;

function writeUint32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value & 0xff;
  target[offset + 1] = (value >>> 8) & 0xff;
  target[offset + 2] = (value >>> 16) & 0xff;
  target[offset + 3] = value >>> 24;
}

/** The file header of a recording that started at `startedAt` (ms since the epoch). */
export function encodeRecordingHeader(startedAt: number): Uint8Array {
  const header = new Uint8Array(RECORDING_HEADER_BYTES);
  header.set(RECORDING_SIGNATURE);
  const view = new DataView(header.buffer);
  view.setUint16(VERSION_OFFSET, RECORDING_FORMAT_VERSION, true);
  view.setFloat64(STARTED_AT_OFFSET, startedAt, true);
  return header;
}

/**
 * Writes one record (`frame` arriving `arrivalMs` after the start) into `target` at `offset` and
 * returns the offset after it. `target` needs {@link RECORD_HEADER_BYTES} + `frame.length` bytes
 * there. The frame is written as it is; validate it first. Allocates nothing.
 * Throws RangeError for a frame longer than any RigFrame or a time beyond {@link MAX_ARRIVAL_MS}.
 */
export function writeRecord(target: Uint8Array, offset: number, arrivalMs: number, frame: Uint8Array): number {
  if (frame.length > MAX_FRAME_BYTES) throw new RangeError(`writeRecord: a frame of ${frame.length} bytes is longer than any RigFrame (${MAX_FRAME_BYTES})`);
  if (!(arrivalMs >= 0 && arrivalMs <= MAX_ARRIVAL_MS)) {
    throw new RangeError(`writeRecord: arrival ${arrivalMs} ms is outside a recording's 0 … ${Math.floor(MAX_ARRIVAL_MS / 3_600_000)} hours`);
  }
  writeUint32(target, offset, Math.round(arrivalMs * ARRIVAL_TICKS_PER_MS));
  target[offset + LENGTH_OFFSET] = frame.length & 0xff;
  target[offset + LENGTH_OFFSET + 1] = frame.length >>> 8;
  const frameStart = offset + RECORD_HEADER_BYTES;
  target.set(frame, frameStart);
  const headerCrc = crc32(target, offset, offset + CHECKSUM_OFFSET);
  writeUint32(target, offset + CHECKSUM_OFFSET, crc32(target, frameStart, frameStart + frame.length, headerCrc));
  return offset + RECORD_HEADER_BYTES + frame.length;
}
