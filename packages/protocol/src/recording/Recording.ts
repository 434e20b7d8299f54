/** One frame of a recording: its bytes as they came off the socket, and when. */
export interface RecordedFrame {
  /** Arrival, ms after the recording started (a multiple of {@link ARRIVAL_UNIT_MS}). */
  arrivalMs: number;
  /** The binary RigFrame, exactly as on the wire (a view into the file's bytes). */
  bytes: Uint8Array;
}

/** The bytes after the last complete record of a file that was cut short. */
export interface TruncatedTail {
  /** Where the incomplete record starts. */
  offset: number;
  /** How many bytes of it there are. */
  byteLength: number;
}

/** A recording read by {@link readRecording}. */
export interface Recording {
  /** Its format version. */
  version: number;
  /** When it started, ms since the Unix epoch. */
  startedAt: number;
  /** Every complete frame, in order; each was checksummed and validated by the frame decoder. */
  frames: RecordedFrame[];
  /** The incomplete last record of a file cut short (a recorder that crashed), or null. */
  truncatedTail: TruncatedTail | null;
}
