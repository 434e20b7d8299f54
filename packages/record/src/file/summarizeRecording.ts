import { PRESENCE_OFFSET, PresenceBit, type Recording } from '@rigcast/protocol';

/** What a recording holds, for people. */
export interface RecordingSummary {
  frames: number;
  /** From the first frame's arrival to the last one's, ms. */
  durationMs: number;
  /** Frames a second over that time. */
  framesPerSecond: number;
  /** Frames with a face, and with a body. */
  withFace: number;
  withBody: number;
  /** The file's size and what a minute of it costs, bytes. */
  byteLength: number;
  bytesPerMinute: number;
}

const MS_PER_MINUTE = 60_000;

/** Counts and rates of a recording whose file is `byteLength` bytes. */
export function summarizeRecording(recording: Recording, byteLength: number): RecordingSummary {
  const { frames } = recording;
  const durationMs = frames.length > 1 ? frames[frames.length - 1].arrivalMs - frames[0].arrivalMs : 0;
  let withFace = 0;
  let withBody = 0;
  for (const { bytes } of frames) {
    if (bytes[PRESENCE_OFFSET] & PresenceBit.Face) withFace++;
    if (bytes[PRESENCE_OFFSET] & PresenceBit.Body) withBody++;
  }
  return {
    frames: frames.length,
    durationMs,
    framesPerSecond: durationMs > 0 ? ((frames.length - 1) * 1000) / durationMs : 0,
    withFace,
    withBody,
    byteLength,
    bytesPerMinute: durationMs > 0 ? (byteLength * MS_PER_MINUTE) / durationMs : 0,
  };
}

/** `82.5 kB`, `1.20 MB`: decimal units, three significant figures. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toPrecision(3)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toPrecision(3)} MB`;
  return `${(bytes / 1e9).toPrecision(3)} GB`;
}

/** `1:05.3` (minutes, seconds), or `1:02:03` past an hour. */
export function formatDuration(ms: number): string {
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${String(Math.floor(seconds)).padStart(2, '0')}`;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/** One line: frames, time, rate, what the frames carry, size, size per minute and per hour. */
export function formatSummary(summary: RecordingSummary): string {
  const { frames, durationMs, framesPerSecond, withFace, withBody, byteLength, bytesPerMinute } = summary;
  const parts = [
    `${frames} frames over ${formatDuration(durationMs)} (${framesPerSecond.toFixed(1)} fps)`,
    `face in ${withFace}, body in ${withBody}`,
    formatBytes(byteLength),
  ];
  if (bytesPerMinute > 0) parts.push(`${formatBytes(bytesPerMinute)} per minute, ${formatBytes(bytesPerMinute * 60)} per hour`);
  return parts.join(' · ');
}

/** The warning for a recording whose last record was cut off, or null when it is complete. */
export function truncationWarning(path: string, recording: Recording): string | null {
  if (!recording.truncatedTail) return null;
  const { offset, byteLength } = recording.truncatedTail;
  return `warning: ${path} ends inside a record (${byteLength} bytes at byte ${offset}; the recorder was cut off): using the ${recording.frames.length} complete frames`;
}
