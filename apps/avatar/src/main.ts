import { VRMUtils } from '@pixiv/three-vrm';
import { ConnectionState, HubClient } from '@rigcast/client';
import { ClientRole, FrameDecodeError, decodeFrame, type FrameBytes } from '@rigcast/protocol';
import {
  AmbientLight,
  Color,
  DirectionalLight,
  PerspectiveCamera,
  Quaternion,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import { displayName, loadVRM, parseVRM } from './model';
import { FrameInterpolator, IdleBlend, IdleMotion } from './motion';
import { parsePageOptions } from './options';
import {
  DebugOverlay,
  ModelStatus,
  StatusBanner,
  watchObsVisibility,
  type DebugFigures,
  type RigcastHook,
  type RigcastState,
} from './page';
import { RigPose, blendPoses, poseFromFrame } from './pose';
import { AvatarRig, applyPoseNaive, applyPoseToRig } from './rig';
import { CAMERA_FOV_DEG, computeFraming, measureAvatar, type AvatarBounds, type CameraPlacement } from './view';

/** Longest time step handed to spring bones, in s, so a stall never flings the hair. */
const MAX_SPRING_STEP_S = 1 / 20;
/** Highest device pixel ratio rendered: beyond 2 the cost grows and nobody sees the difference. */
const MAX_PIXEL_RATIO = 2;
/** Bones the test hook reports. */
const HOOK_BONES = ['hips', 'spine', 'chest', 'neck', 'head', 'leftEye', 'rightEye', 'leftUpperArm', 'rightUpperArm'] as const;

const { options, problems } = parsePageOptions(location.href);

let renderer: WebGLRenderer;
let camera: PerspectiveCamera;
let scene: Scene;
let banner: StatusBanner;
let debugOverlay: DebugOverlay | null = null;
let connection: HubClient | null = null;

let rig: AvatarRig | null = null;
let bounds: AvatarBounds | null = null;
/** The head's world rotation in the rest pose, for the test hook's `headForward`. */
const restHeadWorld = new Quaternion();
let modelStatus: ModelStatus = ModelStatus.Loading;
let modelName: string | null = null;
let modelError: string | null = null;
let modelLoads = 0;
let loadToken = 0;

const interpolator = new FrameInterpolator(options.interpolate);
const idleMotion = new IdleMotion();
const idleBlend = new IdleBlend();
const receivedPose = new RigPose();
const livePose = new RigPose();
const idlePose = new RigPose();
const shownPose = new RigPose();
const placement: CameraPlacement = { x: 0, y: 1, z: 3, targetY: 1 };

let framesReceived = 0;
let framesGarbage = 0;
let lastDecodeError: string | null = null;
let lastSeq: number | null = null;
let lastFrameAt = -1;

let animationId = 0;
let paused = false;
let obsState = { visible: true, active: true };
let lastRenderAt = -1;
let framesDrawn = 0;
let fps = 0;
let fpsWindowStart = 0;
let fpsWindowFrames = 0;
let applyMsTotal = 0;
let applyCount = 0;
let updateMsTotal = 0;
let receiveMsTotal = 0;
let receiveCount = 0;

init();

function init(): void {
  const statusElement = document.getElementById('rigcast-status') as HTMLElement;
  banner = new StatusBanner(statusElement);
  if (problems.length > 0) banner.set('options', problems.join('\n'));
  if (options.debug) debugOverlay = new DebugOverlay(document.getElementById('rigcast-debug') as HTMLElement);

  scene = new Scene();
  camera = new PerspectiveCamera(CAMERA_FOV_DEG, window.innerWidth / window.innerHeight, 0.01, 100);
  const keyLight = new DirectionalLight(0xffffff, Math.PI * 0.9);
  keyLight.position.set(1, 1.5, 2).normalize();
  scene.add(keyLight, new AmbientLight(0xffffff, 0.5));

  try {
    renderer = new WebGLRenderer({ alpha: true, antialias: true, premultipliedAlpha: true });
  } catch (error) {
    banner.set('webgl', `This browser cannot draw 3D (WebGL failed: ${(error as Error).message}). Turn on hardware acceleration, or use another browser.`);
    return;
  }
  if (options.background) {
    renderer.setClearColor(new Color(options.background), 1);
    document.documentElement.style.background = options.background;
    document.body.style.background = options.background;
  } else {
    renderer.setClearColor(0x000000, 0);
  }
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, MAX_PIXEL_RATIO));
  renderer.setSize(window.innerWidth, window.innerHeight);
  document.body.appendChild(renderer.domElement);

  window.addEventListener('resize', onWindowResize);
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', onDrop);
  watchObsVisibility((state) => {
    obsState = { ...state };
    setPaused(!state.visible);
  });
  installHook();

  void loadModelFromUrl(options.modelUrl);
  if (options.room !== null) {
    connection = new HubClient(
      { url: options.hubUrl, room: options.room, role: ClientRole.Viewer, key: options.key, name: 'avatar page' },
      { onFrame: (bytes) => receiveFrame(bytes), onChange: onConnectionChange },
    );
  }
  animationId = requestAnimationFrame(animate);
}

function onConnectionChange(): void {
  // Transient states only show in debug mode; a refusal needs the user to fix the address.
  banner.set('connection', connection?.state === ConnectionState.Refused ? connection.detail : null);
}

async function loadModelFromUrl(url: string): Promise<void> {
  const token = ++loadToken;
  modelStatus = ModelStatus.Loading;
  try {
    const vrm = await loadVRM(url);
    if (token === loadToken) showModel(new AvatarRig(vrm), displayName(url));
    else VRMUtils.deepDispose(vrm.scene);
  } catch (error) {
    if (token === loadToken) modelFailed(error);
  }
}

async function onDrop(event: DragEvent): Promise<void> {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  const token = ++loadToken;
  modelStatus = ModelStatus.Loading;
  try {
    const vrm = await parseVRM(await file.arrayBuffer(), file.name);
    if (token === loadToken) showModel(new AvatarRig(vrm), file.name);
    else VRMUtils.deepDispose(vrm.scene);
  } catch (error) {
    if (token === loadToken) modelFailed(error);
  }
}

function showModel(next: AvatarRig, name: string): void {
  if (rig) {
    scene.remove(rig.vrm.scene);
    VRMUtils.deepDispose(rig.vrm.scene);
  }
  bounds = measureAvatar(next.vrm);
  next.vrm.humanoid.getRawBoneNode('head')?.getWorldQuaternion(restHeadWorld);
  scene.add(next.vrm.scene);
  rig = next;
  modelName = name;
  modelStatus = ModelStatus.Loaded;
  modelError = null;
  modelLoads++;
  banner.set('model', null);
  frameCamera();
}

function modelFailed(error: unknown): void {
  modelError = error instanceof Error ? error.message : String(error);
  // The previous avatar, if any, stays on screen.
  modelStatus = rig ? ModelStatus.Loaded : ModelStatus.Failed;
  banner.set('model', rig ? `${modelError} The previous avatar stays.` : modelError);
  console.warn(modelError);
}

/** Decodes one frame from the hub; bad bytes are counted and ignored. */
function receiveFrame(bytes: FrameBytes): void {
  const start = performance.now();
  let frame;
  try {
    frame = decodeFrame(bytes);
  } catch (error) {
    framesGarbage++;
    lastDecodeError = error instanceof FrameDecodeError ? error.message : `unexpected: ${String(error)}`;
    return;
  }
  framesReceived++;
  lastSeq = frame.seq;
  lastFrameAt = start;
  interpolator.push(poseFromFrame(frame, receivedPose), start);
  receiveMsTotal += performance.now() - start;
  receiveCount++;
}

function setPaused(next: boolean): void {
  if (next === paused) return;
  paused = next;
  if (paused) {
    cancelAnimationFrame(animationId);
    animationId = 0;
  } else {
    lastRenderAt = -1;
    animationId = requestAnimationFrame(animate);
  }
}

function animate(now: number): void {
  if (paused) return;
  animationId = requestAnimationFrame(animate);
  const elapsedMs = lastRenderAt < 0 ? 0 : now - lastRenderAt;
  lastRenderAt = now;
  idleBlend.update(now, lastFrameAt, elapsedMs);

  if (rig) {
    const start = performance.now();
    const idleWeight = idleBlend.weight;
    let pose = livePose;
    if (idleWeight < 1) interpolator.sample(now, livePose);
    if (idleWeight > 0) {
      idleMotion.sample(now, idlePose);
      pose = idleWeight >= 1 ? idlePose : blendPoses(livePose, idlePose, idleWeight, shownPose);
    }
    applyPoseToRig(pose, rig);
    const applied = performance.now();
    applyMsTotal += applied - start;
    applyCount++;
    rig.vrm.update(Math.min(elapsedMs / 1000, MAX_SPRING_STEP_S));
    updateMsTotal += performance.now() - applied;
  }
  renderer.render(scene, camera);

  framesDrawn++;
  fpsWindowFrames++;
  if (now - fpsWindowStart >= 1000) {
    fps = (fpsWindowFrames * 1000) / (now - fpsWindowStart);
    fpsWindowStart = now;
    fpsWindowFrames = 0;
  }
  debugOverlay?.refresh(now, debugFigures);
}

function onWindowResize(): void {
  renderer.setSize(window.innerWidth, window.innerHeight);
  frameCamera();
}

function frameCamera(): void {
  camera.aspect = window.innerWidth / Math.max(1, window.innerHeight);
  if (bounds) {
    computeFraming(bounds, options.framing, camera.aspect, placement);
    camera.position.set(placement.x, placement.y, placement.z);
    camera.lookAt(placement.x, placement.targetY, bounds.centerZ);
  }
  camera.updateProjectionMatrix();
}

function debugFigures(): DebugFigures {
  return {
    fps,
    lastFrameAgeMs: lastFrameAt < 0 ? null : performance.now() - lastFrameAt,
    framesReceived,
    framesGarbage,
    frameIntervalMs: interpolator.intervals.intervalMs,
    connection: connection?.state ?? (options.room === null ? 'not connected (bad ?room=)' : ConnectionState.Closed),
    connectionDetail: connection?.detail ?? '',
    rttMs: connection?.rttMs ?? Number.NaN,
    model: modelStatus === ModelStatus.Loading ? `${modelName ?? ''} (loading…)` : (modelName ?? 'none'),
    idle: idleBlend.active,
    applyMs: applyCount > 0 ? applyMsTotal / applyCount : 0,
  };
}

function installHook(): void {
  const hook: RigcastHook = { state: snapshot, receive: (bytes) => receiveFrame(bytes), timeApply };
  (window as unknown as { rigcast: RigcastHook }).rigcast = hook;
}

/**
 * The benchmark's probe: average ms to write a pose onto the model, cached or naive. It
 * alternates between the live and the idle pose, so that every write changes what a real frame
 * changes (head, neck, spine, arms, weights) and nothing is skipped that a stream would not skip.
 */
function timeApply(mode: 'cached' | 'naive', iterations: number): number {
  if (!rig) return NaN;
  const write = mode === 'naive' ? applyPoseNaive : applyPoseToRig;
  interpolator.sample(performance.now(), livePose);
  idleMotion.sample(performance.now(), idlePose);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) write(i % 2 === 0 ? livePose : idlePose, rig);
  return (performance.now() - start) / iterations;
}

function snapshot(): RigcastState {
  const vrm = rig?.vrm;
  const bones: RigcastState['bones'] = {};
  for (const name of HOOK_BONES) {
    const node = vrm?.humanoid.getNormalizedBoneNode(name);
    bones[name] = node ? [node.quaternion.x, node.quaternion.y, node.quaternion.z, node.quaternion.w] : null;
  }
  const expressions: Record<string, number> = {};
  const overrides = { blink: 1, mouth: 1, lookAt: 1 };
  for (const expression of vrm?.expressionManager?.expressions ?? []) {
    expressions[expression.expressionName] = vrm?.expressionManager?.getValue(expression.expressionName) ?? 0;
    overrides.blink -= expression.overrideBlinkAmount;
    overrides.mouth -= expression.overrideMouthAmount;
    overrides.lookAt -= expression.overrideLookAtAmount;
  }
  overrides.blink = Math.max(0, overrides.blink);
  overrides.mouth = Math.max(0, overrides.mouth);
  overrides.lookAt = Math.max(0, overrides.lookAt);
  let lookAt: RigcastState['lookAt'] = null;
  if (vrm?.lookAt) {
    const direction = vrm.lookAt.getLookAtWorldDirection(new Vector3());
    lookAt = { yaw: vrm.lookAt.yaw, pitch: vrm.lookAt.pitch, direction: [direction.x, direction.y, direction.z] };
  }
  let headScreen: RigcastState['headScreen'] = null;
  let headForward: RigcastState['headForward'] = null;
  const head = vrm?.humanoid.getRawBoneNode('head');
  if (head) {
    const p = head.getWorldPosition(new Vector3()).project(camera);
    headScreen = { x: ((p.x + 1) / 2) * window.innerWidth, y: ((1 - p.y) / 2) * window.innerHeight };
    const turn = head.getWorldQuaternion(new Quaternion()).multiply(restHeadWorld.clone().invert());
    const forward = new Vector3(0, 0, 1).applyQuaternion(turn);
    headForward = [forward.x, forward.y, forward.z];
  }
  const applier = vrm?.lookAt?.applier.constructor as { type?: string } | undefined;
  return {
    options,
    model: {
      status: modelStatus,
      name: modelName,
      vrmVersion: vrm?.meta.metaVersion ?? null,
      error: modelError,
      loads: modelLoads,
      perfectSyncCount: rig?.perfectSyncCount ?? 0,
      lookAtType: applier?.type ?? null,
    },
    connection: {
      state: connection?.state ?? ConnectionState.Closed,
      detail: connection?.detail ?? '',
      joins: connection?.joins ?? 0,
    },
    frames: {
      received: framesReceived,
      garbage: framesGarbage,
      lastError: lastDecodeError,
      lastSeq,
      ageMs: lastFrameAt < 0 ? null : performance.now() - lastFrameAt,
      intervalMs: interpolator.intervals.intervalMs,
    },
    idle: { active: idleBlend.active, weight: idleBlend.weight },
    bones,
    expressions,
    overrides,
    lookAt,
    headForward,
    headScreen,
    render: {
      fps,
      frames: framesDrawn,
      paused,
      obs: { ...obsState },
      applyMsTotal,
      applyCount,
      updateMsTotal,
      receiveMsTotal,
      receiveCount,
    },
    status: banner.text,
  };
}

