import { createDecodeTarget, decodeFrameInto, type Recording } from '@rigcast/protocol';
import { RigPose, createPartAppliers, writeFramePose } from '@rigcast/pose';
import { BLENDSHAPES_PER_FRAME, EXPRESSIONS_PER_FRAME, GAZE_PER_FRAME, ROTATIONS_PER_FRAME, type PoseTrack } from './PoseTrack';

const MS_PER_SECOND = 1000;

/**
 * The poses an avatar shows for a recording's frames ({@link writeFramePose}: the head split
 * across neck and head, the torso leaning with the head, untracked parts at rest), at the frames'
 * arrival times. Of frames that arrived in the same 0.1 ms tick, the later one is kept, so that
 * times strictly increase.
 */
export function poseTrackFromRecording(recording: Recording): PoseTrack {
  const frames = recording.frames;
  const capacity = frames.length;
  const track: PoseTrack = {
    count: 0,
    times: new Float64Array(capacity),
    rotations: new Float64Array(capacity * ROTATIONS_PER_FRAME),
    blendshapes: new Float64Array(capacity * BLENDSHAPES_PER_FRAME),
    expressions: new Float64Array(capacity * EXPRESSIONS_PER_FRAME),
    gaze: new Float64Array(capacity * GAZE_PER_FRAME),
  };
  const target = createDecodeTarget();
  const appliers = createPartAppliers();
  const pose = new RigPose();
  const start = frames[0]?.arrivalMs ?? 0;
  for (const { arrivalMs, bytes } of frames) {
    const time = (arrivalMs - start) / MS_PER_SECOND;
    if (track.count > 0 && time <= track.times[track.count - 1]) track.count--;
    const i = track.count++;
    writeFramePose(decodeFrameInto(bytes, target), appliers, pose);
    track.times[i] = time;
    track.rotations.set(pose.rotations, i * ROTATIONS_PER_FRAME);
    track.blendshapes.set(pose.blendshapes, i * BLENDSHAPES_PER_FRAME);
    track.expressions.set(pose.expressions, i * EXPRESSIONS_PER_FRAME);
    track.gaze[i * GAZE_PER_FRAME] = pose.gazeYaw;
    track.gaze[i * GAZE_PER_FRAME + 1] = pose.gazePitch;
  }
  return track;
}
