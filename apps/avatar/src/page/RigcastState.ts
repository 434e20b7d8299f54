import type { ConnectionState } from '@rigcast/client';
import type { PageOptions } from '../options';

/** Where the current model stands. */
export const ModelStatus = { Loading: 'loading', Loaded: 'loaded', Failed: 'failed' } as const;
export type ModelStatus = (typeof ModelStatus)[keyof typeof ModelStatus];

/** A read-only snapshot of the page, for tests and the benchmark (`window.rigcast.state()`). */
export interface RigcastState {
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
    perfectSyncCount: number;
    lookAtType: string | null;
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
  idle: { active: boolean; weight: number };
  /** Normalized bone rotations `[x, y, z, w]` as set on the model (VRM 0.x rigs hold X and Z negated). */
  bones: Record<string, [number, number, number, number] | null>;
  /** Every expression's weight as set on the model (`expressionManager.getValue`). */
  expressions: Record<string, number>;
  /**
   * What VRM's override rules leave of the blink, mouth and lookAt expressions (1 = untouched,
   * 0 = fully overridden by e.g. an emotion with `overrideBlink: block`).
   */
  overrides: { blink: number; mouth: number; lookAt: number };
  /** VRMLookAt in three-vrm's terms (degrees; pitch > 0 is down), and the world direction of the gaze. */
  lookAt: { yaw: number; pitch: number; direction: [number, number, number] } | null;
  /** Where the face points in the world (+Z at rest; +X is the avatar's left), from the head bone's turn since rest. */
  headForward: [number, number, number] | null;
  /** The head bone projected onto the page, in CSS pixels. */
  headScreen: { x: number; y: number } | null;
  render: {
    /** Frames drawn over the last second. */
    fps: number;
    frames: number;
    paused: boolean;
    obs: { visible: boolean; active: boolean };
    /** Total time spent in the apply path (interpolate, idle blend, write onto the model), and its count. */
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

/** The test hook installed as `window.rigcast`. */
export interface RigcastHook {
  state(): RigcastState;
  /** Feeds bytes to the page's frame handler, exactly as if they had come from the hub. */
  receive(bytes: ArrayBuffer | Uint8Array): void;
  /**
   * For the benchmark: writes the current pose onto the model `iterations` times, with the cached
   * lookups or the naive by-name baseline, and returns the average ms per write.
   */
  timeApply(mode: 'cached' | 'naive', iterations: number): number;
}
