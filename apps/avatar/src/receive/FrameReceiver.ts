import { FrameDecodeError, createDecodeTarget, decodeFrameInto, type RigFrame } from '@rigcast/protocol';

/** Called with each valid frame; the frame is reused for the next one, so read it, do not keep it. */
export type FrameHandler = (frame: RigFrame, nowMs: number) => void;

/**
 * Decodes the bytes that reach the page into one reused frame and hands valid frames on.
 * Decoding is validation: bad bytes are counted and their error kept, and change nothing else.
 * A valid frame builds no objects here.
 */
export class FrameReceiver {
  /** Valid frames received. */
  received = 0;
  /** Byte strings that were not a valid frame (counted and ignored). */
  garbage = 0;
  /** Why the last bad byte string was refused, or null. */
  lastError: string | null = null;
  /** `seq` of the newest valid frame, or -1 before the first (a number always, so storing it boxes nothing). */
  lastSeq = -1;
  /** When the newest valid frame arrived (`performance.now()`), or -1 before the first. */
  lastFrameAt = -1;
  /** Total time spent decoding valid frames and handling them, ms. */
  receiveMsTotal = 0;
  private readonly target = createDecodeTarget();

  constructor(private readonly onFrame: FrameHandler) {}

  /** Takes one frame's bytes, as they came from the hub. */
  receive(bytes: unknown, nowMs = performance.now()): void {
    let frame: RigFrame;
    try {
      frame = decodeFrameInto(bytes, this.target);
    } catch (error) {
      this.garbage++;
      this.lastError = error instanceof FrameDecodeError ? error.message : `unexpected: ${String(error)}`;
      return;
    }
    this.received++;
    this.lastSeq = frame.seq;
    this.lastFrameAt = nowMs;
    this.onFrame(frame, nowMs);
    this.receiveMsTotal += performance.now() - nowMs;
  }
}
