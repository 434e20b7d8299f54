import type { VRM } from '@pixiv/three-vrm';
import type { Camera } from 'three';
import { ConnectionState, type HubClient } from '@rigcast/client';
import type { DemoPlayer } from '../demo';
import { ModelStatus, type ModelLoader } from '../model';
import type { PageOptions } from '../options';
import { RIG_PART_NAMES, type RigPartName } from '@rigcast/pose';
import type { FrameReceiver } from '../receive';
import type { PartIdleState, RigApplier } from '../rig';
import type { AvatarView } from '../view';
import type { AvatarPageState } from './AvatarPageState';
import type { DebugFigures } from './DebugOverlay';
import type { RenderLoop } from './RenderLoop';
import type { StatusBanner } from './StatusBanner';

/** The objects the avatar page is made of, each owning one thing. */
export interface AvatarPageParts {
  options: PageOptions;
  banner: StatusBanner;
  view: AvatarView;
  loader: ModelLoader;
  receiver: FrameReceiver;
  applier: RigApplier;
  /** Null when the room name is invalid (the banner says so). */
  connection: HubClient | null;
  /** The demo performance, and what feeds the frame handler. */
  demo: DemoPlayer;
  loop: RenderLoop;
}

/**
 * The page's handle on `window.rigcast`, for tests, tools and support: a read-only state, the
 * loaded model and the camera to inspect, and the frame handler.
 */
export interface AvatarPageHandle {
  /** A snapshot of what the page knows. */
  state(): AvatarPageState;
  /** The model on screen (three-vrm's object), or null before one loads. Inspect it; do not drive it. */
  readonly vrm: VRM | null;
  /** The camera the page renders with. */
  readonly camera: Camera;
  /** Feeds bytes to the page's frame handler, exactly as if they had come from the hub. */
  receive(bytes: ArrayBuffer | Uint8Array): void;
}

/** Every part's idle state, by name. */
function idleByPart(applier: RigApplier): Record<RigPartName, PartIdleState> {
  const idle = {} as Record<RigPartName, PartIdleState>;
  for (const part of RIG_PART_NAMES) idle[part] = applier.partIdle(part);
  return idle;
}

/** A snapshot of the page. */
export function readAvatarState(parts: AvatarPageParts): AvatarPageState {
  const { options, banner, loader, receiver, applier, connection, demo, loop } = parts;
  const now = performance.now();
  return {
    options,
    model: {
      status: loader.status,
      name: loader.name,
      vrmVersion: loader.rig?.vrm.meta.metaVersion ?? null,
      error: loader.error,
      loads: loader.loads,
      perfectSyncCount: loader.rig?.perfectSyncCount ?? 0,
    },
    connection: {
      state: connection?.state ?? ConnectionState.Closed,
      detail: connection?.detail ?? '',
      joins: connection?.joins ?? 0,
    },
    frames: {
      received: receiver.received,
      garbage: receiver.garbage,
      lastError: receiver.lastError,
      lastSeq: receiver.lastSeq < 0 ? null : receiver.lastSeq,
      ageMs: receiver.lastFrameAt < 0 ? null : now - receiver.lastFrameAt,
      intervalMs: applier.interpolator.intervals.intervalMs,
    },
    idle: idleByPart(applier),
    demo: { state: demo.state, error: demo.error, passes: demo.passes },
    render: {
      fps: loop.fps,
      frames: loop.frames,
      paused: loop.paused,
      obs: { ...loop.obs },
      applyMsTotal: loop.applyMsTotal,
      applyCount: loop.applyCount,
      updateMsTotal: loop.updateMsTotal,
      receiveMsTotal: receiver.receiveMsTotal,
      receiveCount: receiver.received,
    },
    status: banner.text,
  };
}

/** The figures the `?debug=1` overlay shows. */
export function readDebugFigures(parts: AvatarPageParts): DebugFigures {
  const { options, loader, receiver, applier, connection, loop } = parts;
  return {
    fps: loop.fps,
    lastFrameAgeMs: receiver.lastFrameAt < 0 ? null : performance.now() - receiver.lastFrameAt,
    framesReceived: receiver.received,
    framesGarbage: receiver.garbage,
    frameIntervalMs: applier.interpolator.intervals.intervalMs,
    connection: connection?.state ?? (options.room === null ? 'not connected (bad ?room=)' : ConnectionState.Closed),
    connectionDetail: connection?.detail ?? '',
    rttMs: connection?.rttMs ?? Number.NaN,
    model: loader.status === ModelStatus.Loading ? `${loader.name ?? ''} (loading…)` : (loader.name ?? 'none'),
    liveParts: RIG_PART_NAMES.filter((part) => !applier.partIdle(part).active),
    applyMs: loop.applyMs,
  };
}

/** Puts the page's handle on `window.rigcast`. */
export function installPageHandle(parts: AvatarPageParts): void {
  const handle: AvatarPageHandle = {
    state: () => readAvatarState(parts),
    get vrm() {
      return parts.loader.rig?.vrm ?? null;
    },
    camera: parts.view.camera,
    receive: (bytes) => parts.receiver.receive(bytes),
  };
  (window as unknown as { rigcast: AvatarPageHandle }).rigcast = handle;
}
