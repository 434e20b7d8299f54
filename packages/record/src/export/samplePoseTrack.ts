import { QUAT_STRIDE, slerpFlat } from '@rigcast/pose';
import { GAZE_PER_FRAME, ROTATIONS_PER_FRAME, type PoseTrack } from './PoseTrack';

/** Where a time falls in a track: between poses `lo` and `hi`, a fraction `t` of the way. */
const span = { lo: 0, hi: 0, t: 0 };

function locate(track: PoseTrack, time: number): typeof span {
  const { times, count } = track;
  if (count === 0) throw new RangeError('samplePoseTrack: the track is empty');
  if (time <= times[0] || count === 1) return Object.assign(span, { lo: 0, hi: 0, t: 0 });
  if (time >= times[count - 1]) return Object.assign(span, { lo: count - 1, hi: count - 1, t: 0 });
  let lo = 0;
  let hi = count - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= time) lo = mid;
    else hi = mid;
  }
  span.lo = lo;
  span.hi = hi;
  span.t = (time - times[lo]) / (times[hi] - times[lo]);
  return span;
}

/**
 * The pose of `track` at `time` (seconds), as the avatar page interpolates between the poses
 * either side (slerp for rotations, lerp for gaze), the first or last pose outside the track:
 * bone rotations into `rotations` (one pose's worth) and yaw, pitch into `gaze`.
 * Allocates nothing.
 */
export function samplePoseTrack(track: PoseTrack, time: number, rotations: Float64Array, gaze: Float64Array): void {
  const { lo, hi, t } = locate(track, time);
  const a = lo * ROTATIONS_PER_FRAME;
  const b = hi * ROTATIONS_PER_FRAME;
  for (let offset = 0; offset < ROTATIONS_PER_FRAME; offset += QUAT_STRIDE) slerpFlat(rotations, offset, track.rotations, a + offset, track.rotations, b + offset, t);
  for (let k = 0; k < GAZE_PER_FRAME; k++) {
    const from = track.gaze[lo * GAZE_PER_FRAME + k];
    gaze[k] = from + (track.gaze[hi * GAZE_PER_FRAME + k] - from) * t;
  }
}
