import { isValidRoomName } from '@rigcast/protocol';
import { BodyMode } from '@rigcast/solver';

/** Which MediaPipe delegate to ask for. `auto` tries the GPU and falls back to the CPU. */
export const DelegatePreference = { Auto: 'auto', GPU: 'gpu', CPU: 'cpu' } as const;
export type DelegatePreference = (typeof DelegatePreference)[keyof typeof DelegatePreference];

/** Where inference runs. `auto` uses a Web Worker and falls back to the page's thread. */
export const InferenceThread = { Auto: 'auto', Worker: 'worker', Main: 'main' } as const;
export type InferenceThread = (typeof InferenceThread)[keyof typeof InferenceThread];

/** Which PoseLandmarker to run: `lite` is faster, `full` steadier on the limbs. */
export const PoseModel = { Lite: 'lite', Full: 'full' } as const;
export type PoseModel = (typeof PoseModel)[keyof typeof PoseModel];

/** Everything the tracker page can be configured with. */
export interface TrackerSettings {
  /** The hub room to publish into. */
  room: string;
  /** The hub's publish key. */
  key: string;
  /** The hub's base URL; empty means the page's own origin. */
  hub: string;
  /** Start at once with no clicks: the camera, or the video when {@link video} is set. */
  autostart: boolean;
  /** Filter strength for the solver, 0 = raw … 1 = heaviest. */
  smoothing: number;
  /** Mirror the preview and the avatar (the avatar is the user's mirror image). */
  mirror: boolean;
  /** A video URL to play through the pipeline instead of the camera. */
  video: string;
  /** The camera's `deviceId`; empty means the browser's default. */
  cameraId: string;
  /** The face model's URL, relative to the page. */
  model: string;
  delegate: DelegatePreference;
  thread: InferenceThread;
  /** What of the body to track: `upper` (desk), `full` (hips and legs too) or `off` (face only). */
  body: BodyMode;
  /** Track the hands and fingers; `null` follows the body (on unless the body is off). */
  hands: boolean | null;
  /** Which pose model runs. */
  poseModel: PoseModel;
}

/** Whether the hands are tracked with these settings: as set, else whenever the body is. */
export function handsEnabled(settings: Pick<TrackerSettings, 'body' | 'hands'>): boolean {
  return settings.hands ?? settings.body !== BodyMode.Off;
}

/** The pose model's URL, relative to the page, for these settings. */
export function poseModelUrl(settings: Pick<TrackerSettings, 'poseModel'>): string {
  return `../models/pose_landmarker_${settings.poseModel}.task`;
}

/** The hand model's URL, relative to the page. */
export const HAND_MODEL_URL = '../models/hand_landmarker.task';

/** The settings a fresh page starts with. */
export const DEFAULT_TRACKER_SETTINGS: Readonly<TrackerSettings> = {
  room: 'main',
  key: '',
  hub: '',
  autostart: false,
  smoothing: 0.5,
  mirror: true,
  video: '',
  cameraId: '',
  model: '../models/face_landmarker.task',
  delegate: DelegatePreference.Auto,
  thread: InferenceThread.Auto,
  body: BodyMode.Upper,
  hands: null,
  poseModel: PoseModel.Lite,
};

/** The localStorage key the page keeps its settings under. */
export const SETTINGS_STORAGE_KEY = 'rigcast.tracker.settings';

/** The settings that persist between visits; the others only come from the URL. */
const PERSISTED_KEYS = ['room', 'key', 'hub', 'smoothing', 'mirror', 'cameraId', 'delegate', 'thread', 'body', 'hands', 'poseModel'] as const;

/** The part of `Storage` the settings use. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

function parseBoolean(value: string): boolean | undefined {
  if (value === '1' || value === 'true' || value === 'on' || value === 'yes') return true;
  if (value === '0' || value === 'false' || value === 'off' || value === 'no') return false;
  return undefined;
}

function oneOf<T extends string>(value: unknown, allowed: Record<string, T>): T | undefined {
  return Object.values(allowed).includes(value as T) ? (value as T) : undefined;
}

/**
 * Applies one named value onto `target` when it is valid, and reports a problem when it is not.
 * Bad values change nothing.
 */
function applySetting(target: TrackerSettings, name: string, raw: unknown, problems: string[]): void {
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (text === undefined) return;
  switch (name) {
    case 'room':
      if (isValidRoomName(text)) target.room = text;
      else problems.push(`room "${text}" is not valid: use 1–64 letters, digits, "-" or "_"`);
      break;
    case 'key':
      target.key = text;
      break;
    case 'hub':
      if (text === '' || /^(https?|wss?):\/\//.test(text)) target.hub = text;
      else problems.push(`hub "${text}" is not a URL: use e.g. http://127.0.0.1:8080`);
      break;
    case 'autostart': {
      const value = parseBoolean(text);
      if (value !== undefined) target.autostart = value;
      break;
    }
    case 'smoothing': {
      const value = Number(text);
      if (text !== '' && Number.isFinite(value) && value >= 0 && value <= 1) target.smoothing = value;
      else problems.push(`smoothing "${text}" is not a number from 0 to 1`);
      break;
    }
    case 'mirror': {
      const value = parseBoolean(text);
      if (value !== undefined) target.mirror = value;
      else problems.push(`mirror "${text}" is not 1 or 0`);
      break;
    }
    case 'video':
      target.video = text;
      break;
    case 'cameraId':
    case 'camera':
      target.cameraId = text;
      break;
    case 'model':
      if (text !== '') target.model = text;
      break;
    case 'delegate': {
      const value = oneOf(text.toLowerCase(), DelegatePreference);
      if (value) target.delegate = value;
      else problems.push(`delegate "${text}" is not auto, gpu or cpu`);
      break;
    }
    case 'thread': {
      const value = oneOf(text.toLowerCase(), InferenceThread);
      if (value) target.thread = value;
      else problems.push(`thread "${text}" is not auto, worker or main`);
      break;
    }
    case 'body': {
      const value = oneOf(text.toLowerCase(), BodyMode);
      if (value) target.body = value;
      else problems.push(`body "${text}" is not upper, full or off`);
      break;
    }
    case 'hands': {
      const value = parseBoolean(text);
      if (value !== undefined) target.hands = value;
      else problems.push(`hands "${text}" is not 1 or 0`);
      break;
    }
    case 'poseModel': {
      const value = oneOf(text.toLowerCase(), PoseModel);
      if (value) target.poseModel = value;
      else problems.push(`poseModel "${text}" is not lite or full`);
      break;
    }
  }
}

/** The result of {@link readTrackerSettings}: the settings, and what was wrong with the input. */
export interface ReadSettingsResult {
  settings: TrackerSettings;
  /** One line per ignored value, for the page to show. */
  problems: string[];
}

/**
 * Reads the settings: defaults, then what `storage` kept, then the URL's query (URL wins).
 * Invalid values are ignored and reported in `problems`.
 * @example
 * const { settings, problems } = readTrackerSettings(location.search, localStorage);
 */
export function readTrackerSettings(search: string, storage?: SettingsStorage): ReadSettingsResult {
  const settings: TrackerSettings = { ...DEFAULT_TRACKER_SETTINGS };
  const problems: string[] = [];
  const stored = storage ? storage.getItem(SETTINGS_STORAGE_KEY) : null;
  if (stored) {
    try {
      const saved = JSON.parse(stored) as Record<string, unknown>;
      for (const name of PERSISTED_KEYS) if (name in saved) applySetting(settings, name, saved[name], []);
    } catch {
      // Unreadable storage is not worth a message: the defaults stand and the next save fixes it.
    }
  }
  new URLSearchParams(search).forEach((value, name) => applySetting(settings, name, value, problems));
  return { settings, problems };
}

/** Keeps the persistent part of `settings` in `storage`. */
export function saveTrackerSettings(settings: TrackerSettings, storage: SettingsStorage): void {
  const saved: Partial<Record<(typeof PERSISTED_KEYS)[number], unknown>> = {};
  for (const name of PERSISTED_KEYS) saved[name] = settings[name];
  try {
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // Storage can be full or blocked (private mode); the page works without it.
  }
}
