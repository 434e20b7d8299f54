import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { MAX_RECORD_BYTES, encodeRecordingHeader, writeRecord } from '@rigcast/protocol';
import { RecordCommandError } from '../cli/RecordCommandError';

/** How often written records are forced to the disk, ms: a machine crash loses at most this much. */
export const SYNC_INTERVAL_MS = 1000;

/**
 * Streams a recording to a file, append-only. Each record is written to the file as it comes
 * (one `write` of the whole record), so a recorder that crashes or is killed loses nothing it
 * had received; the data is forced to the disk every {@link SYNC_INTERVAL_MS}, so a machine that
 * crashes loses at most the last second. A file cut off mid-record reads back up to the record
 * before (see `readRecording`).
 */
export class RecordingFileWriter {
  private readonly scratch = new Uint8Array(MAX_RECORD_BYTES);
  private readonly syncTimer: ReturnType<typeof setInterval>;
  private fd: number | null;
  private dirty = false;
  private frameCount = 0;
  private byteCount = 0;

  /**
   * Creates the file and writes its header. Refuses to replace an existing file unless
   * `overwrite`; throws {@link RecordCommandError} saying what to do when the file cannot be made.
   */
  constructor(
    readonly path: string,
    options: { overwrite?: boolean; startedAt?: number } = {},
  ) {
    try {
      this.fd = openSync(path, options.overwrite ? 'w' : 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new RecordCommandError(`${path} already exists; choose another --out, or add --force to replace it`);
      if (code === 'ENOENT') throw new RecordCommandError(`cannot create ${path}: its folder does not exist`);
      throw new RecordCommandError(`cannot create ${path}: ${(error as Error).message}`);
    }
    const header = encodeRecordingHeader(options.startedAt ?? Date.now());
    writeSync(this.fd, header);
    this.byteCount = header.length;
    this.syncTimer = setInterval(() => this.sync(), SYNC_INTERVAL_MS);
    this.syncTimer.unref();
  }

  /** Frames written. */
  get frames(): number {
    return this.frameCount;
  }

  /** Bytes in the file so far, its header included. */
  get bytes(): number {
    return this.byteCount;
  }

  /** Appends one frame that arrived `arrivalMs` after the start. The caller validates it first. */
  append(arrivalMs: number, frame: Uint8Array): void {
    if (this.fd === null) throw new Error(`RecordingFileWriter: ${this.path} is closed`);
    const length = writeRecord(this.scratch, 0, arrivalMs, frame);
    writeSync(this.fd, this.scratch, 0, length);
    this.byteCount += length;
    this.frameCount++;
    this.dirty = true;
  }

  /** Forces what was written to the disk, then closes the file. Safe to call twice. */
  close(): void {
    clearInterval(this.syncTimer);
    if (this.fd === null) return;
    this.sync();
    closeSync(this.fd);
    this.fd = null;
  }

  private sync(): void {
    if (!this.dirty || this.fd === null) return;
    fdatasyncSync(this.fd);
    this.dirty = false;
  }
}
