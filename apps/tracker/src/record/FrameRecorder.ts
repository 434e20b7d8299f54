import { MAX_RECORD_BYTES, encodeRecordingHeader, writeRecord } from '@rigcast/protocol';

/** Records are written into chunks of this size; a new one is taken when one is full. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Records the frames the tracker publishes, in memory, as a rigcast recording (`.rig`): each
 * frame's bytes as sent, with the time it was sent. Adding a frame writes into a preallocated
 * chunk and allocates nothing (a new chunk every 64 kB, about 10 s of face frames at 60 Hz).
 * A page that closes loses what it recorded; `rigcast record` streams to disk instead.
 */
export class FrameRecorder {
  private chunks: Uint8Array[] = [];
  private chunk = new Uint8Array(0);
  private used = 0;
  private startMs = 0;
  private startedAt = 0;
  private frameCount = 0;
  private byteCount = 0;
  private active = false;

  /** True between {@link start} and {@link stop}. */
  get recording(): boolean {
    return this.active;
  }

  /** Frames recorded so far. */
  get frames(): number {
    return this.frameCount;
  }

  /** Size of the file so far, bytes. */
  get bytes(): number {
    return this.byteCount;
  }

  /** Time since {@link start}, ms; 0 when not recording. */
  get elapsedMs(): number {
    return this.active ? performance.now() - this.startMs : 0;
  }

  /** Starts a new recording (what an earlier one held is dropped). */
  start(): void {
    const header = encodeRecordingHeader(Date.now());
    this.startMs = performance.now();
    this.startedAt = Date.now();
    this.chunks = [header];
    this.chunk = new Uint8Array(0);
    this.used = 0;
    this.frameCount = 0;
    this.byteCount = header.length;
    this.active = true;
  }

  /** Adds a frame as it is sent; does nothing when not recording. */
  add(frame: Uint8Array): void {
    if (!this.active) return;
    if (this.used + MAX_RECORD_BYTES > this.chunk.length) {
      this.chunk = new Uint8Array(CHUNK_BYTES);
      this.chunks.push(this.chunk);
      this.used = 0;
    }
    const end = writeRecord(this.chunk, this.used, performance.now() - this.startMs, frame);
    this.byteCount += end - this.used;
    this.used = end;
    this.frameCount++;
  }

  /** Ends the recording and returns it as a file, named after `room` and when it started. */
  stop(room: string): File {
    this.active = false;
    const parts = this.chunks.map((chunk) => (chunk === this.chunk ? chunk.subarray(0, this.used) : chunk));
    const stamp = new Date(this.startedAt).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    return new File(parts as BlobPart[], `rigcast-${room}-${stamp}.rig`, { type: 'application/octet-stream' });
  }
}
