export type { RecordedFrame, Recording, TruncatedTail } from './Recording.js';
export { RecordingError, RecordingErrorReason } from './RecordingError.js';
export {
  ARRIVAL_TICKS_PER_MS,
  ARRIVAL_UNIT_MS,
  MAX_ARRIVAL_MS,
  RECORD_HEADER_BYTES,
  RECORDING_FORMAT_VERSION,
  RECORDING_HEADER_BYTES,
  RECORDING_SIGNATURE,
} from './RecordingLayout.js';
export {
  RECORDING_JSON_FORMAT,
  readRecordingJSONLines,
  recordingToJSONLines,
  type RecordedFrameJSON,
  type RecordingJSONHeader,
} from './recordingJSONLines.js';
export { MAX_REPLAY_LATENESS_MS, RecordingPlayer, type RecordingPlayerOptions, type ReplayStats } from './RecordingPlayer.js';
export { readRecording } from './readRecording.js';
export { MAX_REPLAY_SPEED, MIN_REPLAY_SPEED, ReplaySchedule, type ReplayOptions, type ScheduledFrame } from './ReplaySchedule.js';
export { MAX_RECORD_BYTES, encodeRecordingHeader, writeRecord } from './writeRecording.js';
