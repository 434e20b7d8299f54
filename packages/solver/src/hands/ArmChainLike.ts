import type { Quat } from '@rigcast/protocol';
import type { HandSide } from './HandSide';

/**
 * The arm chain the hand solver hangs the hands on (implemented by the body solver).
 * `side` is the **avatar's** side.
 */
export interface ArmChainLike {
  /**
   * World rotation (avatar/output space, after mirroring) of the avatar's left/right lowerArm bone
   * as of the last body solve; false when that arm is not tracked.
   */
  lowerArmWorld(side: HandSide, out: Quat): boolean;
}
