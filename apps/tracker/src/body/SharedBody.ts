import { BODY_PART_BONES, createEmptyBody, type BodyPartName, type BodyRig, type RigFrame } from '@rigcast/protocol';

/**
 * The one {@link BodyRig} the pose and hands sources both write into: the pose the torso, arms and
 * legs, the hands the hand and finger bones (and a share of the forearm's twist). Each source puts
 * it on the frame when it solves, and takes only its own parts out when it is off, so that hands
 * work without a pose and a pose without hands.
 */
export class SharedBody {
  readonly rig: BodyRig = createEmptyBody();

  /** Puts the body on `frame`. */
  attach(frame: RigFrame): void {
    frame.body = this.rig;
  }

  /**
   * Takes `parts` out of the body (their bones deleted, their confidence 0). The frame keeps the
   * body while another source's bones remain, and loses it when none do. Allocates nothing.
   */
  release(frame: RigFrame, parts: readonly BodyPartName[]): void {
    const { bones, confidence } = this.rig;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      confidence[part] = 0;
      const names = BODY_PART_BONES[part];
      for (let b = 0; b < names.length; b++) delete bones[names[b]];
    }
    frame.body = hasBones(this.rig) ? this.rig : undefined;
  }
}

function hasBones(rig: BodyRig): boolean {
  for (const _ in rig.bones) return true;
  return false;
}
