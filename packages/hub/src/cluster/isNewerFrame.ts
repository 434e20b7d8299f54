import { SEQ_OFFSET, TIME_OFFSET } from '@rigcast/protocol';

/** Half the u32 range: a `seq` that many steps ahead or more is behind, across the wrap (RFC 1982). */
const SEQ_HALF_RANGE = 2 ** 31;
/**
 * A capture time this far behind the current frame's is another clock, not an old frame: a
 * publisher that restarted (seq starts over) with a clock that started over too, or a replay.
 * Frames that race each other between Redis connections are milliseconds apart, not seconds.
 */
export const OTHER_CLOCK_MS = 10_000;

function seqOf(frame: Uint8Array): number {
  return (frame[SEQ_OFFSET] | (frame[SEQ_OFFSET + 1] << 8) | (frame[SEQ_OFFSET + 2] << 16) | (frame[SEQ_OFFSET + 3] << 24)) >>> 0;
}

const timeView = new DataView(new ArrayBuffer(8));
function timeOf(frame: Uint8Array): number {
  for (let i = 0; i < 8; i++) timeView.setUint8(i, frame[TIME_OFFSET + i]);
  return timeView.getFloat64(0, true);
}

/**
 * True when `candidate` (a valid frame) should replace `current` as a room's latest: its `seq` is
 * ahead, counting across the wrap at 2³², or else its capture `time` is later. A frame with an
 * older or equal `seq` and a time at most {@link OTHER_CLOCK_MS} earlier is an old frame that
 * lost a race (the latest read from Redis against the subscription) and is dropped, so a viewer
 * never sees an older frame after a newer one. A publisher that restarts starts its `seq` over;
 * its frames still win by their later `time` (the tracker's `time` is wall-clock ms), or by a
 * time far behind (a clock that restarted too). Allocates nothing.
 */
export function isNewerFrame(candidate: Uint8Array, current: Uint8Array): boolean {
  const seqStep = (seqOf(candidate) - seqOf(current)) >>> 0;
  if (seqStep !== 0 && seqStep < SEQ_HALF_RANGE) return true;
  const timeStep = timeOf(candidate) - timeOf(current);
  return timeStep > 0 || timeStep < -OTHER_CLOCK_MS;
}
