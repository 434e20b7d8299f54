import type { ModelLoader } from '../model';
import type { RigApplier } from '../rig';
import type { AvatarView } from '../view';
import type { ObsSourceState } from './watchObsVisibility';

/** Longest time step handed to spring bones, in s, so a stall never flings the hair. */
const MAX_SPRING_STEP_S = 1 / 20;
/** The window fps is counted over, in ms. */
const FPS_WINDOW_MS = 1000;

/**
 * The page's `animate()`: once per display frame, drives the avatar from the stream (or idle),
 * updates the model (springs, expressions, gaze) and renders. It pauses while OBS hides the
 * source, and counts fps and its own cost for the debug overlay and the benchmark.
 */
export class RenderLoop {
  /** Frames drawn per second over the last second. */
  fps = 0;
  /** Frames drawn in all. */
  frames = 0;
  paused = false;
  /** What OBS last said about the source. */
  obs: ObsSourceState = { visible: true, active: true };
  /** Total time spent driving the model (interpolate, idle per part, write), ms, and how often. */
  applyMsTotal = 0;
  applyCount = 0;
  /** Total time in `vrm.update()` (springs, expressions, lookAt), ms. */
  updateMsTotal = 0;
  private animationId = 0;
  private lastRenderAt = -1;
  private fpsWindowStart = 0;
  private fpsWindowFrames = 0;

  constructor(
    private readonly view: AvatarView,
    private readonly loader: ModelLoader,
    private readonly applier: RigApplier,
    /** Called after every drawn frame (the debug overlay). */
    private readonly afterFrame: (nowMs: number) => void = () => {},
  ) {}

  start(): void {
    this.animationId = requestAnimationFrame(this.animate);
  }

  /** Follows OBS: rendering pauses while the source is hidden. */
  setObs(state: ObsSourceState): void {
    this.obs = { ...state };
    this.setPaused(!state.visible);
  }

  /** Average cost of driving the model per drawn frame, ms. */
  get applyMs(): number {
    return this.applyCount > 0 ? this.applyMsTotal / this.applyCount : 0;
  }

  private setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (paused) {
      cancelAnimationFrame(this.animationId);
      this.animationId = 0;
    } else {
      this.lastRenderAt = -1;
      this.animationId = requestAnimationFrame(this.animate);
    }
  }

  private readonly animate = (now: number): void => {
    if (this.paused) return;
    this.animationId = requestAnimationFrame(this.animate);
    const elapsedMs = this.lastRenderAt < 0 ? 0 : now - this.lastRenderAt;
    this.lastRenderAt = now;
    this.applier.update(now, elapsedMs);
    const rig = this.loader.rig;
    if (rig) {
      const start = performance.now();
      this.applier.apply(rig, now);
      const applied = performance.now();
      this.applyMsTotal += applied - start;
      this.applyCount++;
      rig.vrm.update(Math.min(elapsedMs / 1000, MAX_SPRING_STEP_S));
      this.updateMsTotal += performance.now() - applied;
    }
    this.view.render();
    this.frames++;
    this.fpsWindowFrames++;
    if (now - this.fpsWindowStart >= FPS_WINDOW_MS) {
      this.fps = (this.fpsWindowFrames * 1000) / (now - this.fpsWindowStart);
      this.fpsWindowStart = now;
      this.fpsWindowFrames = 0;
    }
    this.afterFrame(now);
  };
}
