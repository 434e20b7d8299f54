// The tracker page: camera or video → FaceLandmarker (worker) → FaceSolver → RigFrame → hub.
import { HubClient } from '@rigcast/client';
import { ClientRole, createNeutralFrame, encodeFrame, type FaceRig } from '@rigcast/protocol';
import { FaceSolver } from '@rigcast/solver';
import { createFaceDetector } from './detect/createFaceDetector';
import type { FaceDetector } from './detect/FaceDetector';
import { FaceResultView } from './detect/FaceResultView';
import { fetchModel } from './detect/fetchModel';
import { InputKind, VideoInput } from './input/VideoInput';
import { readTrackerSettings, saveTrackerSettings, type TrackerSettings } from './settings/TrackerSettings';
import { RateMeter } from './stats/RateMeter';
import { SmoothedValue } from './stats/SmoothedValue';
import { Hud } from './ui/Hud';
import { LandmarkOverlay } from './ui/LandmarkOverlay';
import { TrackerStatus, type TrackerHook, type TrackerState } from './ui/TrackerState';

declare global {
  interface Window {
    /** Read-only view of the page for tests and support. */
    rigcastTracker: TrackerHook;
  }
}

/** How often the HUD redraws. */
const HUD_INTERVAL_MS = 250;

let settings: TrackerSettings;
let input: VideoInput;
let overlay: LandmarkOverlay;
let hud: Hud;
let publisher: HubClient;
let solver: FaceSolver;
let detector: FaceDetector | undefined;
let detectorReady: Promise<FaceDetector | undefined>;

const elements = {
  preview: byId<HTMLDivElement>('preview'),
  start: byId<HTMLButtonElement>('start'),
  calibrate: byId<HTMLButtonElement>('calibrate'),
  camera: byId<HTMLSelectElement>('camera'),
  file: byId<HTMLInputElement>('file'),
  mirror: byId<HTMLInputElement>('mirror'),
  smoothing: byId<HTMLInputElement>('smoothing'),
  smoothingValue: byId<HTMLOutputElement>('smoothing-value'),
  room: byId<HTMLParagraphElement>('room'),
};

// Per-frame state, allocated once.
const view = new FaceResultView();
const frame = createNeutralFrame();
const face = frame.face as FaceRig;
const fps = new RateMeter(2000);
const inferenceMs = new SmoothedValue();
const solveMs = new SmoothedValue();
const state: TrackerState = {
  status: TrackerStatus.Idle,
  fps: 0,
  framesSent: 0,
  inferenceMs: Number.NaN,
  solveMs: Number.NaN,
  rttMs: Number.NaN,
  delegate: '',
  delegateNote: '',
  thread: '',
  modelProgress: 0,
  error: '',
  connection: '',
  hubError: '',
  rejected: 0,
  lastRejected: null,
  tracking: '',
  input: InputKind.None,
  notice: '',
};
let running = false;
let inFlight = false;
let framePending = false;
let pendingCaptureMs = 0;
let lastTimestampMs = 0;
/** Bumped by every stop (each start begins with one), so that a start overtaken by a stop gives up. */
let session = 0;
/** Starts run one after another. */
let starting: Promise<void> = Promise.resolve();

init();

function init(): void {
  const read = readTrackerSettings(location.search, localStorage);
  settings = read.settings;
  saveTrackerSettings(settings, localStorage);
  state.notice = read.problems.length ? `Ignored: ${read.problems.join('; ')}.` : '';

  input = new VideoInput(byId<HTMLVideoElement>('video'));
  input.onCameraLost = (error) => {
    stop();
    fail(error);
  };
  overlay = new LandmarkOverlay(byId<HTMLCanvasElement>('overlay'));
  hud = new Hud(byId('hud'), byId('message'), byId('hub-message'), byId<HTMLProgressElement>('model-progress'));
  solver = new FaceSolver({ mirror: settings.mirror, smoothing: settings.smoothing });
  publisher = new HubClient({ url: settings.hub || location.origin, room: settings.room, role: ClientRole.Publisher, key: settings.key, name: 'tracker' });

  elements.room.textContent = `room "${settings.room}" on ${settings.hub || location.origin}`;
  elements.mirror.checked = settings.mirror;
  elements.smoothing.value = String(settings.smoothing);
  elements.smoothingValue.textContent = settings.smoothing.toFixed(2);
  elements.preview.classList.toggle('mirrored', settings.mirror);
  wireControls();

  window.rigcastTracker = { state: snapshot };
  setInterval(() => hud.render(snapshot()), HUD_INTERVAL_MS);
  detectorReady = loadDetector();
  if (settings.autostart) void start();
  else hud.render(snapshot());
}

/** Fetches the model with progress and starts the detector (worker first, then the page's thread). */
async function loadDetector(): Promise<FaceDetector | undefined> {
  state.status = TrackerStatus.LoadingModel;
  try {
    const model = await fetchModel(new URL(settings.model, location.href).href, (fraction) => {
      state.modelProgress = fraction;
    });
    const created = await createFaceDetector(new URL('wasm/', location.href).href, model, settings.delegate, settings.thread);
    state.delegate = created.info.delegate;
    state.thread = created.info.thread;
    state.delegateNote = created.info.gpuError ?? '';
    overlay.setConnections(created.info.connections);
    if (created.info.gpuError) console.warn(`rigcast: using the CPU delegate: ${created.info.gpuError}`);
    if (state.status === TrackerStatus.LoadingModel) state.status = TrackerStatus.Idle;
    detector = created;
    return created;
  } catch (error) {
    fail(error);
    return undefined;
  }
}

/** Starts the input (the video when one is set, else the camera) and the tracking loop, after any start under way. */
function start(file?: File): Promise<void> {
  starting = starting.then(() => startNow(file));
  return starting;
}

async function startNow(file?: File): Promise<void> {
  stop();
  const mine = session;
  state.error = '';
  const ready = await detectorReady;
  if (!ready || mine !== session) return;
  state.status = TrackerStatus.StartingInput;
  try {
    if (file) await input.startFile(file);
    else if (settings.video) await input.startFile(new URL(settings.video, location.href).href);
    else {
      await input.startCamera(settings.cameraId);
      await fillCameraList();
    }
  } catch (error) {
    if (mine === session) fail(error);
    return;
  }
  if (mine !== session) {
    // Stopped while the camera or video was starting.
    input.stop();
    return;
  }
  state.input = input.kind;
  state.status = TrackerStatus.Running;
  running = true;
  elements.start.textContent = 'Stop';
  fps.reset();
  scheduleVideoFrame();
}

function stop(): void {
  session++;
  running = false;
  framePending = false;
  if (input.kind !== InputKind.None) {
    input.stop();
    state.status = TrackerStatus.Stopped;
  }
  state.input = input.kind;
  state.fps = 0;
  elements.start.textContent = 'Start';
  overlay.draw(null, 0, 0);
}

function scheduleVideoFrame(): void {
  const video = input.video;
  if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(onVideoFrame);
  else requestAnimationFrame(onAnimationFrame);
}

/** Without `requestVideoFrameCallback`, every display frame whose video time moved counts as a new frame. */
let lastVideoTime = -1;
function onAnimationFrame(now: number): void {
  const time = input.video.currentTime;
  if (time !== lastVideoTime || input.kind === InputKind.Camera) {
    lastVideoTime = time;
    onVideoFrame(now);
  } else if (running) scheduleVideoFrame();
}

/** A new video frame is on screen: process it now, or as soon as the frame in flight is done. */
function onVideoFrame(now: number, metadata?: VideoFrameCallbackMetadata): void {
  if (!running) return;
  scheduleVideoFrame();
  pendingCaptureMs = metadata?.captureTime ?? metadata?.presentationTime ?? now;
  framePending = true;
  if (!inFlight) void processFrame();
}

async function processFrame(): Promise<void> {
  const video = input.video;
  const active = detector;
  if (!active) return;
  framePending = false;
  inFlight = true;
  const captureMs = pendingCaptureMs;
  // MediaPipe's VIDEO mode needs strictly increasing timestamps.
  const timestampMs = Math.max(performance.now(), lastTimestampMs + 1);
  lastTimestampMs = timestampMs;
  try {
    const detection = await active.detect(video, timestampMs);
    if (!running) return;
    view.update(detection.arrays, detection.info);
    inferenceMs.add(detection.info.inferenceMs);
    const solveStart = performance.now();
    state.tracking = solver.solve(view, timestampMs, video.videoWidth, video.videoHeight, face);
    solveMs.add(performance.now() - solveStart);
    frame.seq = (frame.seq + 1) >>> 0;
    frame.time = performance.timeOrigin + captureMs;
    publisher.send(encodeFrame(frame));
    fps.tick(performance.now());
    overlay.draw(view.hasFace ? view.points : null, video.videoWidth, video.videoHeight);
  } catch (error) {
    if (running) fail(error);
    return;
  } finally {
    inFlight = false;
  }
  if (framePending && running) void processFrame();
}

/** Lists the cameras (labels need the permission, so after the first start) and selects the one in use. */
async function fillCameraList(): Promise<void> {
  const cameras = await VideoInput.listCameras();
  const select = elements.camera;
  select.replaceChildren(new Option('default camera', ''));
  cameras.forEach((camera, index) => select.add(new Option(camera.label || `camera ${index + 1}`, camera.deviceId)));
  select.value = cameras.some((camera) => camera.deviceId === input.cameraId) ? input.cameraId : '';
}

function wireControls(): void {
  elements.start.addEventListener('click', () => (running ? stop() : void start()));
  elements.calibrate.addEventListener('click', () => {
    state.notice = solver.calibrate() ? '' : 'Calibrate needs a tracked face: start the camera or a video, face it, then press Calibrate again.';
  });
  elements.mirror.addEventListener('change', () => {
    settings.mirror = elements.mirror.checked;
    solver.mirror = settings.mirror;
    elements.preview.classList.toggle('mirrored', settings.mirror);
    saveTrackerSettings(settings, localStorage);
  });
  elements.smoothing.addEventListener('input', () => {
    settings.smoothing = Number(elements.smoothing.value);
    solver.smoothing = settings.smoothing;
    elements.smoothingValue.textContent = settings.smoothing.toFixed(2);
    saveTrackerSettings(settings, localStorage);
  });
  elements.camera.addEventListener('change', () => {
    settings.cameraId = elements.camera.value;
    settings.video = '';
    saveTrackerSettings(settings, localStorage);
    void start();
  });
  elements.file.addEventListener('change', () => {
    const file = elements.file.files?.[0];
    if (file) void start(file);
  });
}

function fail(error: unknown): void {
  running = false;
  state.status = TrackerStatus.Error;
  state.error = error instanceof Error ? error.message : String(error);
  elements.start.textContent = 'Start';
  console.warn('rigcast tracker:', state.error);
}

function snapshot(): TrackerState {
  const now = performance.now();
  state.fps = running ? fps.rate(now) : 0;
  state.framesSent = publisher.framesSent;
  state.inferenceMs = inferenceMs.value;
  state.solveMs = solveMs.value;
  state.rttMs = publisher.rttMs;
  state.connection = publisher.state;
  state.hubError = publisher.detail;
  state.rejected = publisher.rejectedCount;
  state.lastRejected = publisher.lastRejected;
  return { ...state };
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page is missing #${id}`);
  return element as T;
}
