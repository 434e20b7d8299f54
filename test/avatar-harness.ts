import { resolve } from 'node:path';
import { createHub, type Hub } from '@rigcast/hub';
import { encodeFrame, type ClientToServerEvents, type HumanoidBoneName, type RigFrame, type ServerToClientEvents } from '@rigcast/protocol';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import type { AvatarPageHandle, AvatarPageState } from '../apps/avatar/src/page';
import { launchChromium } from './support/chromium';
import { APP_BUILD_DIRS, ensureAppBuilt } from './support/ensureAppBuilt';
import { REPO_ROOT, sharedPath } from './support/sharedData';

declare global {
  interface Window {
    /** The avatar page's handle: its state, and the model it shows. */
    rigcast: AvatarPageHandle;
    /** What the model shows, read from three-vrm by {@link installAvatarProbe}. */
    avatarProbe(): AvatarModelReading;
  }
}

/** Bones the tests read. */
const PROBED_BONES = ['hips', 'spine', 'chest', 'neck', 'head', 'leftEye', 'rightEye', 'leftUpperArm', 'rightUpperArm'] as const;

/** What the model on the avatar page shows, read from three-vrm's objects inside the page. */
export interface AvatarModelReading {
  /** Normalized bone rotations `[x, y, z, w]` as set on the model (VRM 0.x rigs hold X and Z negated). */
  bones: Record<(typeof PROBED_BONES)[number], [number, number, number, number] | null>;
  /** Every expression's weight as set on the model (`expressionManager.getValue`). */
  expressions: Record<string, number>;
  /**
   * What VRM's override rules leave of the blink, mouth and lookAt expressions (1 = untouched,
   * 0 = fully overridden by e.g. an emotion with `overrideBlink: block`).
   */
  overrides: { blink: number; mouth: number; lookAt: number };
  /** VRMLookAt in three-vrm's terms (degrees; pitch > 0 is down), and the world direction of the gaze. */
  lookAt: { yaw: number; pitch: number; direction: [number, number, number] } | null;
  /** `bone` or `expression`: the model's look-at applier. */
  lookAtType: string | null;
  /** Where the face points in the world (+Z at rest; +X is the avatar's left): the head's turn since rest. */
  headForward: [number, number, number] | null;
  /** The head bone projected onto the page, in CSS pixels. */
  headScreen: { x: number; y: number } | null;
}

/** The page's own state and what its model shows, read at one moment. */
export type AvatarReading = AvatarPageState & AvatarModelReading;

/**
 * Runs in the page (as an init script): defines `window.avatarProbe()`, which reads the model
 * through `window.rigcast.vrm` with three-vrm's public API. This is the tests' code, not the
 * page's: the shipped page only exposes the model. Self-contained, as it is sent as source.
 */
function installAvatarProbe(boneNames: readonly string[]): void {
  window.avatarProbe = () => {
    const { vrm, camera } = window.rigcast;
    const bones: Record<string, [number, number, number, number] | null> = {};
    for (const name of boneNames) {
      const node = vrm?.humanoid.getNormalizedBoneNode(name as 'head');
      bones[name] = node ? [node.quaternion.x, node.quaternion.y, node.quaternion.z, node.quaternion.w] : null;
    }
    const expressions: Record<string, number> = {};
    const overrides = { blink: 1, mouth: 1, lookAt: 1 };
    for (const expression of vrm?.expressionManager?.expressions ?? []) {
      expressions[expression.expressionName] = vrm!.expressionManager!.getValue(expression.expressionName) ?? 0;
      overrides.blink -= expression.overrideBlinkAmount;
      overrides.mouth -= expression.overrideMouthAmount;
      overrides.lookAt -= expression.overrideLookAtAmount;
    }
    overrides.blink = Math.max(0, overrides.blink);
    overrides.mouth = Math.max(0, overrides.mouth);
    overrides.lookAt = Math.max(0, overrides.lookAt);
    let lookAt: AvatarModelReading['lookAt'] = null;
    let lookAtType: string | null = null;
    if (vrm?.lookAt) {
      const direction = vrm.lookAt.getLookAtWorldDirection(vrm.scene.position.clone());
      lookAt = { yaw: vrm.lookAt.yaw, pitch: vrm.lookAt.pitch, direction: [direction.x, direction.y, direction.z] };
      lookAtType = (vrm.lookAt.applier.constructor as { type?: string }).type ?? null;
    }
    let headForward: AvatarModelReading['headForward'] = null;
    let headScreen: AvatarModelReading['headScreen'] = null;
    const head = vrm?.humanoid.getNormalizedBoneNode('head');
    const rawHead = vrm?.humanoid.getRawBoneNode('head');
    if (vrm && head && rawHead) {
      // Normalized bones rest at identity under their root, so the head's world turn since rest
      // is its world rotation relative to the root's.
      const root = vrm.humanoid.normalizedHumanBonesRoot.getWorldQuaternion(head.quaternion.clone());
      const turn = head.getWorldQuaternion(head.quaternion.clone()).multiply(root.invert());
      const forward = head.position.clone().set(0, 0, 1).applyQuaternion(turn);
      headForward = [forward.x, forward.y, forward.z];
      const p = rawHead.getWorldPosition(head.position.clone()).project(camera);
      headScreen = { x: ((p.x + 1) / 2) * window.innerWidth, y: ((1 - p.y) / 2) * window.innerHeight };
    }
    return { bones, expressions, overrides, lookAt, lookAtType, headForward, headScreen } as AvatarModelReading;
  };
}

/** The page's state and its model's reading, in one evaluation. */
export function readAvatar(page: Page): Promise<AvatarReading> {
  return page.evaluate(() => ({ ...window.rigcast.state(), ...window.avatarProbe() }));
}


/** A point in the world (metres; +Y up, the avatar faces +Z, its left is +X). */
export type WorldPoint = [number, number, number];

/** Where one humanoid bone of the model on the page is, as drawn (its raw, skinned node). */
export interface BoneWorldReading {
  /** The name of the model's node bound to the bone. */
  node: string;
  /** The bone's joint. */
  joint: WorldPoint;
  /**
   * The far end of the bone: its first child's joint, or, for a bone with no child (the last
   * finger segment of some rigs), the point its own rest offset from its parent reaches past it.
   */
  end: WorldPoint;
  /** The joint projected onto the page, in CSS pixels. */
  screen: { x: number; y: number };
}

/**
 * Reads where `bones` are drawn, through the page's handle (`window.rigcast.vrm`, `.camera`) and
 * three-vrm's public API: read-only test code sent to the page, not part of the page. A bone the
 * model lacks reads as null.
 */
export function readBoneWorld<Name extends HumanoidBoneName>(page: Page, bones: readonly Name[]): Promise<Record<Name, BoneWorldReading | null>> {
  return page.evaluate((names) => {
    const { vrm, camera } = window.rigcast;
    const out: Record<string, BoneWorldReading | null> = {};
    for (const name of names) {
      const node = vrm?.humanoid.getRawBoneNode(name as 'head');
      if (!node) {
        out[name] = null;
        continue;
      }
      const joint = node.getWorldPosition(node.position.clone());
      const child = node.children[0];
      const end = child ? child.getWorldPosition(node.position.clone()) : node.localToWorld(node.position.clone());
      const p = joint.clone().project(camera);
      out[name] = {
        node: node.name,
        joint: [joint.x, joint.y, joint.z],
        end: [end.x, end.y, end.z],
        screen: { x: ((p.x + 1) / 2) * window.innerWidth, y: ((1 - p.y) / 2) * window.innerHeight },
      };
    }
    return out;
  }, bones) as Promise<Record<Name, BoneWorldReading | null>>;
}


/** Builds `apps/avatar` when `dist/` is missing or older than its sources. */
export function ensureAvatarBuilt(): Promise<void> {
  return ensureAppBuilt({ appDir: 'apps/avatar', packages: ['packages/protocol', 'packages/client', 'packages/math', 'packages/pose'] });
}

/** A real hub on a free port that serves the built avatar page and the shared test VRMs at `/models/`. */
export function startAvatarHub(): Promise<Hub> {
  return createHub({ port: 0, appsDirs: APP_BUILD_DIRS, modelsDirs: [sharedPath('vrm'), resolve(REPO_ROOT, 'models')] });
}

/** The hub and browser a describe block's avatar tests share. */
export interface AvatarSuite {
  hub: Hub;
  browser: Browser;
}

/**
 * Builds the avatar page if needed, starts a hub ({@link startAvatarHub}) and Chromium before a
 * describe block's tests, hands them to `onStart`, and closes both after the block.
 */
export function useAvatarSuite(onStart: (suite: AvatarSuite) => void): void {
  let suite: AvatarSuite | undefined;
  beforeAll(async () => {
    await ensureAvatarBuilt();
    const [hub, browser] = await Promise.all([startAvatarHub(), launchChromium()]);
    suite = { hub, browser };
    onStart(suite);
  });
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.hub.close();
  });
}

/** The shared test avatars, as `/models/` paths relative to the avatar page. */
export const TEST_VRMS = {
  avocado: '../models/avocado-vrm0.vrm',
  sphere: '../models/sphere-vrm0.vrm',
  cryptovoxels: '../models/cryptovoxels-vrm0.vrm',
  debugRobot: '../models/debug-robot-vrm1.vrm',
  expressionsTest: '../models/expressions-test-vrm1.vrm',
} as const;

/** A page with the console errors and uncaught exceptions it produced. */
export interface AvatarPage {
  page: Page;
  errors: string[];
}

/**
 * Opens `/avatar/?…` on the hub, with the tests' model probe, and waits for the page's handle.
 * `waitForModel` also waits until the model has loaded (or failed).
 */
export async function openAvatar(
  browser: Browser,
  hub: Pick<Hub, 'url'>,
  params: Record<string, string>,
  { width = 640, height = 480, waitForModel = true } = {},
): Promise<AvatarPage> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(installAvatarProbe, PROBED_BONES);
  const query = new URLSearchParams(params).toString();
  await page.goto(`${hub.url}/avatar/?${query}`);
  await page.waitForFunction(() => 'rigcast' in window, undefined, { timeout: 30_000 });
  if (waitForModel) {
    await page.waitForFunction(() => window.rigcast.state().model.status !== 'loading', undefined, { timeout: 90_000 });
  }
  return { page, errors };
}

/** A publisher socket on the hub, with its own sequence numbers. */
export class TestPublisher {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private seq = 0;

  constructor(hub: Hub, room: string, key = hub.publishKey) {
    this.socket = io(hub.url, { transports: ['websocket'], auth: { room, role: 'publisher', key }, reconnection: false });
  }

  /** How many frames {@link send} has sent. */
  get sent(): number {
    return this.seq;
  }

  /** Resolves once connected. */
  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      this.socket.once('connect', () => resolvePromise());
      this.socket.once('connect_error', reject);
    });
  }

  /** Encodes and sends `frame` with the next sequence number. */
  send(frame: RigFrame): void {
    frame.seq = ++this.seq;
    frame.time = Date.now();
    this.socket.emit('frame', encodeFrame(frame));
  }

  /** Sends raw bytes as a frame. */
  sendBytes(bytes: Uint8Array): void {
    this.socket.emit('frame', bytes);
  }

  /**
   * Sends `frame()` at `hz` until the returned function is called. Keeps to the rate on a busy
   * machine: a late tick sends the frame that was due (at most two per tick), so timer slack
   * does not lower the rate.
   */
  stream(frame: () => RigFrame, hz = 60): () => void {
    const start = performance.now();
    let due = 0;
    const tick = () => {
      const owed = Math.floor(((performance.now() - start) * hz) / 1000) + 1 - due;
      for (let i = 0; i < Math.min(owed, 2); i++, due++) this.send(frame());
      if (owed > 2) due += owed - 2;
    };
    tick();
    const timer = setInterval(tick, 1000 / hz / 2);
    return () => clearInterval(timer);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** A quaternion `[x, y, z, w]` for `degrees` about a unit axis. */
export function axisAngle(axis: [number, number, number], degrees: number): [number, number, number, number] {
  const half = (degrees * Math.PI) / 360;
  const s = Math.sin(half);
  return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(half)];
}

/** Hamilton product a·b of quaternions `[x, y, z, w]`. */
export function multiplyQuat(a: number[], b: number[]): [number, number, number, number] {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

/** The rotation angle of a quaternion, in degrees (0–180). */
export function quatAngleDeg(q: number[]): number {
  return (2 * Math.acos(Math.min(1, Math.abs(q[3]))) * 180) / Math.PI;
}

/** A decoded screenshot. */
export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

/** Takes a screenshot with a transparent background and decodes it. */
export async function screenshotPixels(page: Page): Promise<Pixels> {
  const png = PNG.sync.read(await page.screenshot({ omitBackground: true }));
  return { width: png.width, height: png.height, data: png.data };
}

/** The RGBA of one pixel. */
export function pixelAt(pixels: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (Math.floor(y) * pixels.width + Math.floor(x)) * 4;
  return [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2], pixels.data[i + 3]];
}

/** A rectangle in screenshot pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How many pixels in `region` differ by more than `threshold` (0–255) in any channel. */
export function countDifferentPixels(a: Pixels, b: Pixels, region: Region, threshold = 24): number {
  let count = 0;
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(a.width, Math.ceil(region.x + region.width));
  const y1 = Math.min(a.height, Math.ceil(region.y + region.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * a.width + x) * 4;
      for (let c = 0; c < 4; c++) {
        if (Math.abs(a.data[i + c] - b.data[i + c]) > threshold) {
          count++;
          break;
        }
      }
    }
  }
  return count;
}

/** How many pixels in `region` have alpha above `threshold`. */
export function countOpaquePixels(pixels: Pixels, region: Region, threshold = 16): number {
  let count = 0;
  for (let y = Math.max(0, region.y); y < Math.min(pixels.height, region.y + region.height); y++) {
    for (let x = Math.max(0, region.x); x < Math.min(pixels.width, region.x + region.width); x++) {
      if (pixels.data[(y * pixels.width + x) * 4 + 3] > threshold) count++;
    }
  }
  return count;
}
