/** With no frame for this long, the avatar goes idle, in ms. */
export const IDLE_AFTER_MS = 1000;

/** How long the avatar takes to blend between idle and live motion, in ms. */
export const IDLE_BLEND_MS = 300;

/**
 * Decides when the avatar is idle (before the first frame, and after {@link IDLE_AFTER_MS}
 * without one) and eases between idle and live motion over {@link IDLE_BLEND_MS}, so nothing
 * snaps in either direction.
 */
export class IdleBlend {
  /** True while the avatar should be idle. */
  active = true;
  private progress = 1;

  /** How much idle motion to show, eased, in [0, 1]: 1 is fully idle. */
  get weight(): number {
    const t = this.progress;
    return t * t * (3 - 2 * t);
  }

  /**
   * Advances to `nowMs`, `elapsedMs` after the previous update. `lastFrameMs` is when the last
   * frame arrived, or a negative number if none has.
   */
  update(nowMs: number, lastFrameMs: number, elapsedMs: number): void {
    this.active = lastFrameMs < 0 || nowMs - lastFrameMs > IDLE_AFTER_MS;
    const step = Math.max(0, elapsedMs) / IDLE_BLEND_MS;
    this.progress = this.active ? Math.min(1, this.progress + step) : Math.max(0, this.progress - step);
  }
}
