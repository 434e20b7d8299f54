import { smoothstep01 } from '@rigcast/math';
import { RIG_PART_COUNT, createPartWeights, type PartWeights } from '@rigcast/pose';

/** With no frame for this long, the avatar goes idle, in ms. */
export const IDLE_AFTER_MS = 1000;

/** How long a part takes to blend between idle and live motion, in ms. */
export const IDLE_BLEND_MS = 300;

/**
 * Decides, for each part on its own, when it is idle, and eases it between idle and live motion
 * over {@link IDLE_BLEND_MS}, so nothing snaps in either direction. A part is idle while no frame
 * carries it: before the first, when the latest frame left it out, and {@link IDLE_AFTER_MS} after
 * the last frame that carried it. Per-part state lives in arrays, so an update allocates nothing.
 */
export class IdleBlend {
  /** How much idle motion each part shows, eased, in [0, 1]: 1 is fully idle. */
  readonly weights: PartWeights = createPartWeights(1);
  /** 1 while a part should be idle, else 0. */
  private readonly activeFlags = new Uint8Array(RIG_PART_COUNT).fill(1);
  /** Each part's linear progress toward idle, in [0, 1]. */
  private readonly progress = createPartWeights(1);

  /** True while `part` (an index in {@link RIG_PART_NAMES}) should be idle. */
  active(part: number): boolean {
    return this.activeFlags[part] === 1;
  }

  /**
   * Advances every part to `nowMs`, `elapsedMs` after the previous update. `lastCarriedMs[part]`
   * is when a frame last carried the part, or a negative number when none has or the latest
   * frame left it out.
   */
  update(nowMs: number, lastCarriedMs: PartWeights, elapsedMs: number): void {
    const step = Math.max(0, elapsedMs) / IDLE_BLEND_MS;
    for (let part = 0; part < RIG_PART_COUNT; part++) {
      const last = lastCarriedMs[part];
      const active = last < 0 || nowMs - last > IDLE_AFTER_MS;
      this.activeFlags[part] = active ? 1 : 0;
      const t = active ? Math.min(1, this.progress[part] + step) : Math.max(0, this.progress[part] - step);
      this.progress[part] = t;
      this.weights[part] = smoothstep01(t);
    }
  }
}
