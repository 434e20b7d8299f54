// The tracker page: camera or video → sources (FaceLandmarker, PoseLandmarker and HandLandmarker,
// each in its own worker → FaceSolver, BodySolver, HandSolver) → RigFrame → hub.
import { HubClient } from '@rigcast/client';
import { ClientRole } from '@rigcast/protocol';
import { BodyMode, composeHeadOnTorso } from '@rigcast/solver';
import { SharedBody } from './body/SharedBody';
import { FaceSource } from './face';
import { HandsSource } from './hands';
import { PoseSource } from './pose';
import { VideoInput } from './input';
import { TrackerPipeline, VideoFrameClock } from './pipeline';
import { FramePublisher } from './publish';
import { FrameRecorder } from './record';
import { TrackerSession } from './session';
import { HAND_MODEL_URL, handsEnabled, poseModelUrl, readTrackerSettings, saveTrackerSettings } from './settings';
import { Hud, LandmarkOverlay, TrackerControls, downloadFile, readTrackerState, type TrackerHook, type TrackerStateSources } from './ui';

declare global {
  interface Window {
    /** Read-only view of the page for tests and support. */
    rigcastTracker: TrackerHook;
  }
}

/** How often the HUD redraws. */
const HUD_INTERVAL_MS = 250;
const CALIBRATE_NEEDS_FACE = 'Calibrate needs a tracked face: start the camera or a video, face it, then press Calibrate again.';

init();

function init(): void {
  const { settings, problems } = readTrackerSettings(location.search, localStorage);
  saveTrackerSettings(settings, localStorage);
  let notice = problems.length ? `Ignored: ${problems.join('; ')}.` : '';
  const hub = settings.hub || location.origin;

  const placement = {
    wasmBaseUrl: new URL('wasm/', location.href).href,
    delegate: settings.delegate,
    thread: settings.thread,
  };
  const solving = { mirror: settings.mirror, smoothing: settings.smoothing };
  const face = new FaceSource({ ...placement, ...solving, modelUrl: new URL(settings.model, location.href).href });
  const body = new SharedBody();
  const pose = new PoseSource({ ...placement, ...solving, modelUrl: new URL(poseModelUrl(settings), location.href).href, mode: settings.body }, body);
  const hands = new HandsSource({ ...placement, ...solving, modelUrl: new URL(HAND_MODEL_URL, location.href).href }, body, pose, handsEnabled(settings));
  const input = new VideoInput(byId<HTMLVideoElement>('video'));
  const overlay = new LandmarkOverlay(byId<HTMLCanvasElement>('overlay'));
  const publisher = new HubClient({ url: hub, room: settings.room, role: ClientRole.Publisher, key: settings.key, name: 'tracker' });
  const recorder = new FrameRecorder();
  const framePublisher = new FramePublisher(publisher, recorder);
  // The pose solves before the hands, which hang on its arms; the head is then put on its torso.
  const pipeline = new TrackerPipeline([face, pose, hands], {
    onFrame: (frame) => {
      framePublisher.publish(frame);
      overlay.clear(input.video.videoWidth, input.video.videoHeight);
      for (const source of pipeline.sources) source.draw(overlay);
    },
    onError: (error) => session.fail(error),
    compose: (frame) => {
      if (frame.face && frame.body) composeHeadOnTorso(frame.face, frame.body);
    },
  });
  const clock = new VideoFrameClock(input, (captureMs) => pipeline.onVideoFrame(captureMs));
  const session: TrackerSession = new TrackerSession(input, pipeline, clock, settings, {
    onRunning: (running) => {
      controls.setRunning(running);
      if (!running) overlay.clear(0, 0);
    },
    onCameraStarted: async () => controls.setCameras(await VideoInput.listCameras(), input.cameraId),
  });
  const controls = new TrackerControls(
    {
      preview: byId('preview'),
      start: byId<HTMLButtonElement>('start'),
      calibrate: byId<HTMLButtonElement>('calibrate'),
      record: byId<HTMLButtonElement>('record'),
      camera: byId<HTMLSelectElement>('camera'),
      file: byId<HTMLInputElement>('file'),
      mirror: byId<HTMLInputElement>('mirror'),
      smoothing: byId<HTMLInputElement>('smoothing'),
      smoothingValue: byId<HTMLOutputElement>('smoothing-value'),
      body: byId<HTMLSelectElement>('body'),
      hands: byId<HTMLInputElement>('hands'),
      room: byId('room'),
    },
    {
      onStartStop: () => (session.running ? session.stop() : void session.start()),
      onCalibrate: () => {
        notice = face.solver.calibrate() ? '' : CALIBRATE_NEEDS_FACE;
      },
      onRecord: () => {
        if (recorder.recording) downloadFile(recorder.stop(settings.room));
        else recorder.start();
        controls.setRecording(recorder.recording);
      },
      onMirror: (mirror) => {
        settings.mirror = mirror;
        for (const solver of [face.solver, pose.solver, hands.solver]) solver.mirror = mirror;
        saveTrackerSettings(settings, localStorage);
      },
      onSmoothing: (smoothing) => {
        settings.smoothing = smoothing;
        for (const solver of [face.solver, pose.solver, hands.solver]) solver.smoothing = smoothing;
        saveTrackerSettings(settings, localStorage);
      },
      onBody: (mode) => {
        settings.body = mode;
        if (mode !== BodyMode.Off) pose.solver.mode = mode;
        pipeline.setEnabled(pose, mode !== BodyMode.Off);
        pipeline.setEnabled(hands, handsEnabled(settings));
        controls.setHands(hands.enabled);
        saveTrackerSettings(settings, localStorage);
      },
      onHands: (on) => {
        settings.hands = on;
        pipeline.setEnabled(hands, on);
        saveTrackerSettings(settings, localStorage);
      },
      onCamera: (deviceId) => {
        settings.cameraId = deviceId;
        settings.video = '';
        saveTrackerSettings(settings, localStorage);
        void session.start();
      },
      onFile: (file) => void session.start(file),
    },
  );
  controls.show(settings, hands.enabled, `room "${settings.room}" on ${hub}`);

  const hud = new Hud(byId('hud'), byId('message'), byId('hub-message'), byId<HTMLProgressElement>('model-progress'), pipeline.sources.map((source) => source.name));
  const stateSources: TrackerStateSources = { session, pipeline, publisher, framePublisher, input, recorder, settings, notice: () => notice };
  const state = () => readTrackerState(stateSources);
  window.rigcastTracker = { state };
  setInterval(() => hud.render(state()), HUD_INTERVAL_MS);
  session.loadSources();
  if (settings.autostart) void session.start();
  else hud.render(state());
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page is missing #${id}`);
  return element as T;
}
