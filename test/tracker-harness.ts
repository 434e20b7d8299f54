import { createHub, type Hub, type HubOptions } from '@rigcast/hub';
import { decodeFrame, type ClientToServerEvents, type Quat, type ServerToClientEvents } from '@rigcast/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { TrackerHook } from '../apps/tracker/src/ui/TrackerState';
import { APP_BUILD_DIRS, ensureAppBuilt } from './support/ensureAppBuilt';

declare global {
  interface Window {
    /** The tracker page's test hook. */
    rigcastTracker: TrackerHook;
  }
}


/** Builds `apps/tracker` (with MediaPipe's wasm) when `dist/` is missing or older than its sources. */
export function ensureTrackerBuilt(): Promise<void> {
  return ensureAppBuilt({
    appDir: 'apps/tracker',
    packages: ['packages/solver', 'packages/protocol', 'packages/client'],
    requiredOutputs: ['dist/wasm/vision_wasm_module_internal.wasm'],
  });
}

/** One frame as the test viewer saw it. */
export interface ReceivedFrame {
  /** `performance.now()` in the test process when it arrived. */
  arrivalMs: number;
  seq: number;
  /** The publisher's capture time, ms since the epoch. */
  time: number;
  /** Capture to arrival at this viewer, ms (both clocks are this machine's). */
  latencyMs: number;
  /** Head roll in degrees: rotation about +Z, positive moves the top of the head toward −X. */
  rollDeg: number;
}

/**
 * Head roll of a rotation, in degrees: the angle the head's X axis turned about +Z.
 * Positive by the right-hand rule, so the top of the head leans toward −X (the avatar's right).
 */
export function rollDegrees([x, y, z, w]: Quat): number {
  const xAxisX = 1 - 2 * (y * y + z * z);
  const xAxisY = 2 * (x * y + w * z);
  return (Math.atan2(xAxisY, xAxisX) * 180) / Math.PI;
}

/** A socket.io-client viewer in a room that decodes every frame it receives. */
export class FrameCollector {
  readonly frames: ReceivedFrame[] = [];
  readonly decodeErrors: string[] = [];
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(hub: Hub, room: string) {
    this.socket = io(hub.url, {
      transports: ['websocket'],
      auth: { room, role: 'viewer', key: hub.viewKey },
      reconnection: false,
    });
    this.socket.on('frame', (bytes) => {
      const arrivalMs = performance.now();
      try {
        const frame = decodeFrame(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
        this.frames.push({
          arrivalMs,
          seq: frame.seq,
          time: frame.time,
          latencyMs: performance.timeOrigin + arrivalMs - frame.time,
          rollDeg: frame.face ? rollDegrees(frame.face.head) : Number.NaN,
        });
      } catch (error) {
        this.decodeErrors.push(String(error));
      }
    });
  }

  /** Resolves once connected to the hub. */
  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Waits until `count` frames have arrived, or fails after `timeoutMs` with what the page says. */
  async waitForFrames(count: number, timeoutMs: number, page?: Page): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.frames.length < count) {
      if (performance.now() > deadline) {
        const state = page ? JSON.stringify(await page.evaluate(() => window.rigcastTracker?.state())) : '';
        throw new Error(`only ${this.frames.length} of ${count} frames arrived in ${timeoutMs} ms; page state: ${state}`);
      }
      await delay(100);
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** A real hub on a free port serving the built tracker. */
export function startTrackerHub(options: HubOptions = {}): Promise<Hub> {
  return createHub({ port: 0, appsDirs: APP_BUILD_DIRS, ...options });
}

/** A page with the uncaught exceptions it produced. */
export interface TrackerPage {
  page: Page;
  pageErrors: string[];
}

/**
 * Opens the tracker in a fresh context (permissions as given) of `browser`; `prepare` runs on the
 * context before the page opens (e.g. to route its WebSocket).
 */
export async function openTracker(
  browser: Browser,
  url: string,
  permissions: string[] = [],
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<TrackerPage> {
  const context = await browser.newContext({ permissions });
  await prepare?.(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(url);
  return { page, pageErrors };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Consecutive frames whose roll is past a threshold on one side: one roll segment as seen. */
export interface RollEpisode {
  sign: 1 | -1;
  /** Capture times of the first and last frame in it, ms. */
  startMs: number;
  endMs: number;
  frames: number;
}

/**
 * Groups frames into episodes of |roll| ≥ `thresholdDeg` with the same sign. Frames of the same
 * sign less than `mergeGapMs` apart (by capture time) belong to one episode.
 */
export function rollEpisodes(frames: readonly ReceivedFrame[], thresholdDeg: number, mergeGapMs: number): RollEpisode[] {
  const episodes: RollEpisode[] = [];
  for (const frame of frames) {
    if (!(Math.abs(frame.rollDeg) >= thresholdDeg)) continue;
    const sign = frame.rollDeg > 0 ? 1 : -1;
    const last = episodes.at(-1);
    if (last && last.sign === sign && frame.time - last.endMs < mergeGapMs) {
      last.endMs = frame.time;
      last.frames++;
    } else {
      episodes.push({ sign, startMs: frame.time, endMs: frame.time, frames: 1 });
    }
  }
  return episodes;
}
