import type { ConnectionState } from '@rigcast/client';
import type { DemoState } from '../demo';
import type { ModelStatus } from '../model';
import type { PageOptions } from '../options';
import type { RigPartName } from '@rigcast/pose';
import type { PartIdleState } from '../rig';

/**
 * What the avatar page knows about itself, as `window.rigcast.state()` returns it: its options,
 * the model, the hub link, the frames, where each part stands between the stream and idle, and
 * rendering. Anything about the model's internals (bones, expressions, gaze) is read from the
 * model itself through `window.rigcast.vrm`.
 */
export interface AvatarPageState {
  options: PageOptions;
  model: {
    status: ModelStatus;
    /** Name of the model on screen, or null before one loads. */
    name: string | null;
    /** `'0'` or `'1'` for the model on screen. */
    vrmVersion: string | null;
    /** Message of the last failed load (the previous model stays), or null. */
    error: string | null;
    /** How many models have loaded. */
    loads: number;
    /** How many of the 52 ARKit shapes the model drives directly. */
    perfectSyncCount: number;
  };
  connection: { state: ConnectionState; detail: string; joins: number };
  frames: {
    received: number;
    /** Frames that failed to decode (counted and ignored). */
    garbage: number;
    lastError: string | null;
    lastSeq: number | null;
    /** Age of the newest frame, or null before the first. */
    ageMs: number | null;
    /** Estimated interval between frames. */
    intervalMs: number;
  };
  /** Each part: idle (`active`) or not, and how much of the idle pose it shows (`weight`, 0 … 1). */
  idle: Record<RigPartName, PartIdleState>;
  /** The demo performance: its state, why it failed to load, and how many passes it has begun. */
  demo: { state: DemoState; error: string | null; passes: number };
  render: {
    /** Frames drawn over the last second. */
    fps: number;
    frames: number;
    paused: boolean;
    obs: { visible: boolean; active: boolean };
    /** Total time spent driving the model (interpolate, idle per part, write onto it), and its count. */
    applyMsTotal: number;
    applyCount: number;
    /** Total time in `vrm.update()` (springs, expressions, lookAt). */
    updateMsTotal: number;
    /** Total time decoding frames and turning them into poses, and its count. */
    receiveMsTotal: number;
    receiveCount: number;
  };
  /** The error banner's text ('' when hidden). */
  status: string;
}
