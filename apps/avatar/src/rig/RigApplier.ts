import type { RigFrame } from '@rigcast/protocol';
import { FrameInterpolator, IdleBlend, IdleMotion } from '../motion';
import { RIG_PART_COUNT, createPartAppliers, createPartWeights, rigPartIndex, type PartApplier, type RigPartName, RigPose, blendPosesByPart } from '@rigcast/pose';
import type { AvatarRig } from './AvatarRig';
import { applyPoseToRig } from './applyPoseToRig';

/** Where one part stands between following the stream (weight 0) and idling at rest (weight 1). */
export interface PartIdleState {
  /** True while the part should be idle: no frame carries it, or frames stopped a while ago. */
  readonly active: boolean;
  /** How much of the idle pose the part shows, eased, in [0, 1]. */
  readonly weight: number;
}

/** What a {@link RigApplier} is built from. */
export interface RigApplierOptions {
  /** Interpolate between received frames (`?interp=0` turns it off). Default true. */
  interpolate?: boolean;
  /** The parts, each turning its part of a frame into the pose. Default {@link createPartAppliers}. */
  parts?: readonly PartApplier[];
  /** Idle motion (breathing, sway, blinks). Default: a new one. */
  idleMotion?: IdleMotion;
}

/**
 * Drives a model from received frames, part by part. Each frame updates the parts it carries
 * (see {@link PartApplier}); a part it does not carry, or carries at confidence 0, keeps its last
 * pose and eases on its own to its rest pose with idle motion, while the others keep following
 * the stream. Every part also idles when no frame has come for a second, and before the first.
 * Frames are interpolated at render time. Builds no objects per frame.
 */
export class RigApplier {
  /** Turns frames at the tracker's rate into a pose for any render time. */
  readonly interpolator: FrameInterpolator;
  private readonly parts: readonly PartApplier[];
  private readonly partIndices: Int32Array;
  private readonly idleMotion: IdleMotion;
  private readonly idleBlend = new IdleBlend();
  /** When a frame last carried each part, ms; -1 when the latest frame did not. */
  private readonly lastCarriedAt = createPartWeights(-1);
  /** The frames' parts, held between frames for the parts a frame leaves out. */
  private readonly received = new RigPose();
  private readonly live = new RigPose();
  private readonly idle = new RigPose();
  private readonly shown = new RigPose();

  constructor(options: RigApplierOptions = {}) {
    this.interpolator = new FrameInterpolator(options.interpolate ?? true);
    this.parts = options.parts ?? createPartAppliers();
    this.partIndices = Int32Array.from(this.parts, (applier) => rigPartIndex(applier.part));
    this.idleMotion = options.idleMotion ?? new IdleMotion();
  }

  /** Takes a decoded frame that arrived at `nowMs`. The frame is read at once, not kept. */
  receive(frame: RigFrame, nowMs: number): void {
    for (let i = 0; i < this.parts.length; i++) {
      this.lastCarriedAt[this.partIndices[i]] = this.parts[i].write(frame, this.received) ? nowMs : -1;
    }
    this.interpolator.push(this.received, nowMs);
  }

  /** Advances every part's idle blend to `nowMs`, `elapsedMs` after the previous update. */
  update(nowMs: number, elapsedMs: number): void {
    this.idleBlend.update(nowMs, this.lastCarriedAt, elapsedMs);
  }

  /**
   * Writes the pose to show at `nowMs` onto `rig`: each part between the stream and idle as far
   * as the last {@link update} took it. Returns that pose (valid until the next call).
   */
  apply(rig: AvatarRig, nowMs: number): RigPose {
    const weights = this.idleBlend.weights;
    let least = 1;
    let most = 0;
    for (let part = 0; part < RIG_PART_COUNT; part++) {
      if (weights[part] < least) least = weights[part];
      if (weights[part] > most) most = weights[part];
    }
    let pose = this.live;
    if (least < 1) this.interpolator.sample(nowMs, this.live);
    if (most > 0) {
      this.idleMotion.sample(nowMs, this.idle);
      pose = least >= 1 ? this.idle : blendPosesByPart(this.live, this.idle, weights, this.shown);
    }
    applyPoseToRig(pose, rig);
    return pose;
  }

  /** Where `part` stands between the stream and idle. */
  partIdle(part: RigPartName): PartIdleState {
    const index = rigPartIndex(part);
    return { active: this.idleBlend.active(index), weight: this.idleBlend.weights[index] };
  }
}
