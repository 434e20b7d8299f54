import { BODY_MODES, type BodyMode } from '@rigcast/solver';

/** What the controls ask the page to do. */
export interface TrackerControlEvents {
  /** Start, or stop when running. */
  onStartStop(): void;
  onCalibrate(): void;
  /** Start recording, or stop and download the recording when one runs. */
  onRecord(): void;
  onMirror(mirror: boolean): void;
  onSmoothing(smoothing: number): void;
  /** The body mode was picked: upper, full or off. */
  onBody(mode: BodyMode): void;
  /** The hands were switched on or off. */
  onHands(on: boolean): void;
  /** A camera was picked (`''` is the default camera). */
  onCamera(deviceId: string): void;
  onFile(file: File): void;
}

/** The elements of the controls panel. */
export interface TrackerControlElements {
  preview: HTMLElement;
  start: HTMLButtonElement;
  calibrate: HTMLButtonElement;
  record: HTMLButtonElement;
  camera: HTMLSelectElement;
  file: HTMLInputElement;
  mirror: HTMLInputElement;
  smoothing: HTMLInputElement;
  smoothingValue: HTMLOutputElement;
  body: HTMLSelectElement;
  hands: HTMLInputElement;
  room: HTMLElement;
}

/** The controls panel: buttons, camera and file pickers, mirror and smoothing. */
export class TrackerControls {
  constructor(
    private readonly elements: TrackerControlElements,
    events: TrackerControlEvents,
  ) {
    elements.start.addEventListener('click', () => events.onStartStop());
    elements.calibrate.addEventListener('click', () => events.onCalibrate());
    elements.record.addEventListener('click', () => events.onRecord());
    elements.mirror.addEventListener('change', () => {
      this.showMirror(elements.mirror.checked);
      events.onMirror(elements.mirror.checked);
    });
    elements.smoothing.addEventListener('input', () => {
      const smoothing = Number(elements.smoothing.value);
      elements.smoothingValue.textContent = smoothing.toFixed(2);
      events.onSmoothing(smoothing);
    });
    elements.body.addEventListener('change', () => {
      const mode = BODY_MODES.find((value) => value === elements.body.value);
      if (mode) events.onBody(mode);
    });
    elements.hands.addEventListener('change', () => events.onHands(elements.hands.checked));
    elements.camera.addEventListener('change', () => events.onCamera(elements.camera.value));
    elements.file.addEventListener('change', () => {
      const file = elements.file.files?.[0];
      if (file) events.onFile(file);
    });
  }

  /** Shows the settings the page starts with, and where it publishes. */
  show(settings: { mirror: boolean; smoothing: number; body: BodyMode }, hands: boolean, publishesTo: string): void {
    const { elements } = this;
    elements.room.textContent = publishesTo;
    elements.body.value = settings.body;
    this.setHands(hands);
    elements.mirror.checked = settings.mirror;
    this.showMirror(settings.mirror);
    elements.smoothing.value = String(settings.smoothing);
    elements.smoothingValue.textContent = settings.smoothing.toFixed(2);
  }

  /** Shows whether the hands are tracked (they follow the body mode until set). */
  setHands(on: boolean): void {
    this.elements.hands.checked = on;
  }

  /** The start button says Stop while tracking runs. */
  setRunning(running: boolean): void {
    this.elements.start.textContent = running ? 'Stop' : 'Start';
  }

  /** The record button says Stop recording while a recording runs. */
  setRecording(recording: boolean): void {
    this.elements.record.textContent = recording ? 'Stop recording' : 'Record';
    this.elements.record.classList.toggle('recording', recording);
  }

  /** Lists the cameras and selects `selectedId` (the default camera when it is not among them). */
  setCameras(cameras: readonly MediaDeviceInfo[], selectedId: string): void {
    const select = this.elements.camera;
    select.replaceChildren(new Option('default camera', ''));
    cameras.forEach((camera, index) => select.add(new Option(camera.label || `camera ${index + 1}`, camera.deviceId)));
    select.value = cameras.some((camera) => camera.deviceId === selectedId) ? selectedId : '';
  }

  private showMirror(mirror: boolean): void {
    this.elements.preview.classList.toggle('mirrored', mirror);
  }
}
