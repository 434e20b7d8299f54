import type { RigFrame } from '@rigcast/protocol';
import type { RigPose } from '../pose/RigPose';
import type { PartApplier } from './PartApplier';

/**
 * The pose an avatar shows for `frame` on its own, into `target`: each part the frame carries as
 * its applier writes it (the head split across neck and head, the torso leaning with the head),
 * every other part at rest, where the page eases a part nobody tracks. No idle motion. Used to
 * export recordings. Allocates nothing.
 * @example
 * const appliers = createPartAppliers();
 * writeFramePose(decodeFrame(bytes), appliers, pose);
 */
export function writeFramePose(frame: RigFrame, appliers: readonly PartApplier[], target: RigPose): RigPose {
  target.reset();
  for (let i = 0; i < appliers.length; i++) appliers[i].write(frame, target);
  return target;
}
