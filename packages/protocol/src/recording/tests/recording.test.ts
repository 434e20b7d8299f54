import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../codec/encodeFrame';
import { mulberry32, randomFrame } from '../../codec/tests/randomFrames';
import { crc32 } from '../crc32';
import type { RecordedFrame } from '../Recording';
import { RecordingError, RecordingErrorReason } from '../RecordingError';
import { RECORD_HEADER_BYTES, RECORDING_HEADER_BYTES, VERSION_OFFSET } from '../RecordingLayout';
import { readRecording } from '../readRecording';
import { readRecordingJSONLines, recordingToJSONLines } from '../recordingJSONLines';
import { MAX_RECORD_BYTES, encodeRecordingHeader, writeRecord } from '../writeRecording';

const STARTED_AT = Date.UTC(2025, 0, 2, 3, 4, 5);

/** Frames as a publisher would send them: face only and face plus body, 60 Hz with jitter. */
function sampleFrames(count: number, seed = 1): RecordedFrame[] {
  const rand = mulberry32(seed);
  let arrival = 12.3;
  return Array.from({ length: count }, (_, i) => {
    arrival += 16.7 + rand() * 3;
    return { arrivalMs: Math.round(arrival * 10) / 10, bytes: encodeFrame(randomFrame(rand, i % 3 === 0 ? 0 : 1 + (i % 55))) };
  });
}

function encodeFile(frames: RecordedFrame[]): Uint8Array {
  const out = new Uint8Array(RECORDING_HEADER_BYTES + frames.length * MAX_RECORD_BYTES);
  out.set(encodeRecordingHeader(STARTED_AT));
  let offset = RECORDING_HEADER_BYTES;
  for (const frame of frames) offset = writeRecord(out, offset, frame.arrivalMs, frame.bytes);
  return out.slice(0, offset);
}

function readError(bytes: Uint8Array): RecordingError {
  try {
    readRecording(bytes);
  } catch (error) {
    if (error instanceof RecordingError) return error;
    throw error;
  }
  throw new Error('readRecording accepted the bytes');
}

/** Each frame's bytes as a plain array, so a mismatch prints readably. */
const asArrays = (frames: RecordedFrame[]) => frames.map((f) => ({ arrivalMs: f.arrivalMs, bytes: Array.from(f.bytes) }));

describe('the recording file', () => {
  it('CRC-32 is the IEEE one (zlib, PNG)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('reads back every frame byte for byte, with its arrival time and the start time', () => {
    const frames = sampleFrames(200);
    const recording = readRecording(encodeFile(frames));
    expect(recording.version).toBe(1);
    expect(recording.startedAt).toBe(STARTED_AT);
    expect(recording.truncatedTail).toBeNull();
    expect(recording.frames).toHaveLength(200);
    recording.frames.forEach((frame, i) => {
      expect(frame.arrivalMs).toBeCloseTo(frames[i].arrivalMs, 9);
      expect(Array.from(frame.bytes)).toEqual(Array.from(frames[i].bytes));
    });
  });

  it('costs 10 bytes a frame on top of the frame itself', () => {
    const frames = sampleFrames(50);
    const payload = frames.reduce((sum, f) => sum + f.bytes.length, 0);
    expect(encodeFile(frames).length).toBe(RECORDING_HEADER_BYTES + payload + frames.length * RECORD_HEADER_BYTES);
    expect(RECORD_HEADER_BYTES).toBe(10);
  });

  it('a file cut anywhere inside its last record gives the frames before it and reports the cut', () => {
    const frames = sampleFrames(6);
    const file = encodeFile(frames);
    const lastStart = file.length - RECORD_HEADER_BYTES - frames[5].bytes.length;
    for (let cut = lastStart + 1; cut < file.length; cut++) {
      const recording = readRecording(file.subarray(0, cut));
      expect(asArrays(recording.frames)).toEqual(asArrays(frames.slice(0, 5)));
      expect(recording.truncatedTail).toEqual({ offset: lastStart, byteLength: cut - lastStart });
    }
    // Cut exactly between records: complete, nothing to report.
    expect(readRecording(file.subarray(0, lastStart)).truncatedTail).toBeNull();
  });

  it('a file cut inside its header, an empty file and a file of another kind are refused, saying so', () => {
    const file = encodeFile(sampleFrames(2));
    expect(readError(file.subarray(0, RECORDING_HEADER_BYTES - 1)).reason).toBe(RecordingErrorReason.TruncatedHeader);
    expect(readError(file.subarray(0, RECORDING_HEADER_BYTES - 1)).message).toMatch(/inside the 18-byte file header, so it holds no frames/);
    expect(readError(new Uint8Array(0)).reason).toBe(RecordingErrorReason.NotARecording);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(readError(png).message).toMatch(/not-a-recording: it does not start with the rigcast recording signature/);
    expect(readError(new TextEncoder().encode('{"format":"rigcast-recording"}')).reason).toBe(RecordingErrorReason.NotARecording);
  });

  it('a recording of another format version is refused with the version numbers', () => {
    const file = encodeFile(sampleFrames(3));
    new DataView(file.buffer).setUint16(VERSION_OFFSET, 2, true);
    const error = readError(file);
    expect(error.reason).toBe(RecordingErrorReason.UnsupportedVersion);
    expect(error.message).toMatch(/version 2 recording and this build reads version 1/);
  });

  it('no damaged byte gets through: every single-bit flip in the records is refused or cut off, never read as a frame', () => {
    const frames = sampleFrames(4, 7);
    const file = encodeFile(frames);
    const original = asArrays(frames);
    let refused = 0;
    for (let offset = RECORDING_HEADER_BYTES; offset < file.length; offset++) {
      for (let bit = 0; bit < 8; bit++) {
        const damaged = file.slice();
        damaged[offset] ^= 1 << bit;
        let recording;
        try {
          recording = readRecording(damaged);
        } catch (error) {
          expect(error).toBeInstanceOf(RecordingError);
          expect((error as RecordingError).reason).toBe(RecordingErrorReason.Corrupt);
          refused++;
          continue;
        }
        // A flipped length in the last record can only make it look cut short: the frames before it are intact.
        expect(recording.truncatedTail).not.toBeNull();
        expect(asArrays(recording.frames)).toEqual(original.slice(0, recording.frames.length));
      }
    }
    expect(refused).toBeGreaterThan((file.length - RECORDING_HEADER_BYTES) * 8 * 0.99);
  });

  it('an intact record whose bytes are no RigFrame is refused by the frame decoder', () => {
    const frames = sampleFrames(3);
    const bad = frames[1].bytes.slice();
    bad[0] = 9; // frame format version 9
    frames[1] = { arrivalMs: frames[1].arrivalMs, bytes: bad };
    const error = readError(encodeFile(frames));
    expect(error.reason).toBe(RecordingErrorReason.InvalidFrame);
    expect(error.message).toMatch(/record 2 at byte \d+ holds no valid RigFrame \(unknown-version: version 9/);
  });

  it('refuses to write what it could not read back', () => {
    const out = new Uint8Array(MAX_RECORD_BYTES * 2);
    expect(() => writeRecord(out, 0, 0, new Uint8Array(MAX_RECORD_BYTES))).toThrow(RangeError);
    expect(() => writeRecord(out, 0, 120 * 3_600_000, sampleFrames(1)[0].bytes)).toThrow(/outside a recording's 0 … 119 hours/);
  });
});

describe('the JSON-lines form', () => {
  it('has a header line and one readable frame per line, and reads back to the same bytes', () => {
    const frames = sampleFrames(120, 3);
    const recording = readRecording(encodeFile(frames));
    const lines = [...recordingToJSONLines(recording)];
    expect(lines).toHaveLength(121);
    const header = JSON.parse(lines[0]);
    expect(header).toEqual({ format: 'rigcast-recording', version: 1, startedAt: STARTED_AT, startedAtISO: '2025-01-02T03:04:05.000Z', frames: 120 });
    const first = JSON.parse(lines[1]);
    expect(first.arrivalMs).toBeCloseTo(frames[0].arrivalMs, 6);
    expect(first.frame.v).toBe(1);
    expect(Object.keys(first.frame.face.blendshapes)).toHaveLength(52);
    const back = readRecordingJSONLines(lines.join('\n'));
    expect(back.startedAt).toBe(STARTED_AT);
    expect(asArrays(back.frames)).toEqual(asArrays(recording.frames));
  });

  it('names the first bad line', () => {
    const lines = [...recordingToJSONLines(readRecording(encodeFile(sampleFrames(3))))];
    const bad = JSON.parse(lines[2]);
    bad.frame.face.blendshapes.jawOpen = 7;
    lines[2] = JSON.stringify(bad);
    expect(() => readRecordingJSONLines(lines.join('\n'))).toThrow(/line 3 holds no valid frame \(bad-value: face\.blendshapes\.jawOpen 7 is outside \[0, 1\]\)/);
    expect(() => readRecordingJSONLines('{"hello":1}')).toThrow(/not-a-recording/);
  });
});
