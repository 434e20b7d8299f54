// The tracker page: camera or video → sources (FaceLandmarker in a worker → FaceSolver) → RigFrame → hub.
import { HubClient } from '@rigcast/client';
import { ClientRole, encodeFrame } from '@rigcast/protocol';
import { FaceSource } from './face';
import { VideoInput } from './input';
import { TrackerPipeline, VideoFrameClock } from './pipeline';
import { FrameRecorder } from './record';
import { TrackerSession } from './session';
import { readTrackerSettings, saveTrackerSettings } from './settings';
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

  const face = new FaceSource({
    modelUrl: new URL(settings.model, location.href).href,
    wasmBaseUrl: new URL('wasm/', location.href).href,
    delegate: settings.delegate,
    thread: settings.thread,
    mirror: settings.mirror,
    smoothing: settings.smoothing,
  });
  const input = new VideoInput(byId<HTMLVideoElement>('video'));
  const overlay = new LandmarkOverlay(byId<HTMLCanvasElement>('overlay'));
  const publisher = new HubClient({ url: hub, room: settings.room, role: ClientRole.Publisher, key: settings.key, name: 'tracker' });
  const recorder = new FrameRecorder();
  const pipeline = new TrackerPipeline([face], {
    onFrame: (frame) => {
      const bytes = encodeFrame(frame);
      publisher.send(bytes);
      recorder.add(bytes);
      overlay.clear(input.video.videoWidth, input.video.videoHeight);
      for (const source of pipeline.sources) source.draw(overlay);
    },
    onError: (error) => session.fail(error),
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
        face.solver.mirror = mirror;
        saveTrackerSettings(settings, localStorage);
      },
      onSmoothing: (smoothing) => {
        settings.smoothing = smoothing;
        face.solver.smoothing = smoothing;
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
  controls.show(settings, `room "${settings.room}" on ${hub}`);

  const hud = new Hud(byId('hud'), byId('message'), byId('hub-message'), byId<HTMLProgressElement>('model-progress'), pipeline.sources.map((source) => source.name));
  const stateSources: TrackerStateSources = { session, pipeline, publisher, input, recorder, notice: () => notice };
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
