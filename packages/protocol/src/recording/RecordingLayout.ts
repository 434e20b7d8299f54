/**
 * The rigcast recording file (`.rig`), version 1: the frames of one room as they travelled on the
 * wire, each with the time it arrived. All multi-byte fields are little-endian.
 *
 * File header, {@link RECORDING_HEADER_BYTES} bytes:
 *
 * | offset | type    | field                                                                  |
 * |--------|---------|------------------------------------------------------------------------|
 * | 0      | 8 bytes | signature {@link RECORDING_SIGNATURE}: `89 52 49 47 0D 0A 1A 0A`        |
 * | 8      | u16     | format version, {@link RECORDING_FORMAT_VERSION}                        |
 * | 10     | f64     | when the recording started, ms since the Unix epoch (wall clock)       |
 *
 * Then records, one per frame, until the end of the file, {@link RECORD_HEADER_BYTES} + n bytes:
 *
 * | offset | type    | field                                                                  |
 * |--------|---------|------------------------------------------------------------------------|
 * | 0      | u32     | arrival, in units of {@link ARRIVAL_UNIT_MS} ms after the start        |
 * | 4      | u16     | n, the frame's length ({@link HEADER_BYTES} … {@link MAX_FRAME_BYTES})  |
 * | 6      | u32     | CRC-32 (IEEE) of bytes 0–5 of the record and the n frame bytes         |
 * | 10     | n bytes | the binary RigFrame exactly as it came off the socket                  |
 *
 * - Append-only: a writer adds whole records and never goes back, so a file cut short by a
 *   crash is a valid prefix plus at most one incomplete record, which readers report and skip.
 * - Arrivals never decrease; the arrival clock is monotonic, the start time only labels the file.
 * - The signature (after PNG's) catches text-mode transfers and files that are not recordings.
 * - An incompatible change bumps the version; readers refuse versions they do not know.
 */
export const RECORDING_FORMAT_VERSION = 1;

/** `\x89RIG\r\n\x1a\n`: a high byte, the name, CR LF, DOS end-of-file and LF. */
export const RECORDING_SIGNATURE: readonly number[] = [0x89, 0x52, 0x49, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Offset of the format version in the file header. */
export const VERSION_OFFSET = RECORDING_SIGNATURE.length;
/** Offset of the start time in the file header. */
export const STARTED_AT_OFFSET = VERSION_OFFSET + 2;
/** Length of the file header. */
export const RECORDING_HEADER_BYTES = STARTED_AT_OFFSET + 8;

/** Offset of the frame length in a record. */
export const LENGTH_OFFSET = 4;
/** Offset of the checksum in a record. */
export const CHECKSUM_OFFSET = LENGTH_OFFSET + 2;
/** Length of a record's own header, before the frame bytes. */
export const RECORD_HEADER_BYTES = CHECKSUM_OFFSET + 4;

/** The arrival clock ticks 10 times a millisecond: 0.1 ms, far below what replay timing can resolve. */
export const ARRIVAL_TICKS_PER_MS = 10;

/** The arrival clock's unit, ms. */
export const ARRIVAL_UNIT_MS = 1 / ARRIVAL_TICKS_PER_MS;

/** The longest a recording can run: 2³² − 1 ticks of 0.1 ms, about 119 hours. */
export const MAX_ARRIVAL_MS = 0xffffffff / ARRIVAL_TICKS_PER_MS;
