import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRACKER_SETTINGS,
  handsEnabled,
  poseModelUrl,
  readTrackerSettings,
  saveTrackerSettings,
  SETTINGS_STORAGE_KEY,
  type SettingsStorage,
} from '../TrackerSettings';

function memoryStorage(initial?: Record<string, unknown>): SettingsStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial) data.set(SETTINGS_STORAGE_KEY, JSON.stringify(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('readTrackerSettings', () => {
  it('gives the defaults for an empty query and no storage', () => {
    const { settings, problems } = readTrackerSettings('');
    expect(settings).toEqual(DEFAULT_TRACKER_SETTINGS);
    expect(settings.room).toBe('main');
    expect(settings.mirror).toBe(true);
    expect(problems).toEqual([]);
  });

  it('reads every URL parameter', () => {
    const { settings, problems } = readTrackerSettings(
      '?room=studio-2&key=abc&hub=http://10.0.0.2:8080&autostart=1&smoothing=0.25&mirror=0&video=clip.mp4&delegate=CPU&thread=main',
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      room: 'studio-2',
      key: 'abc',
      hub: 'http://10.0.0.2:8080',
      autostart: true,
      smoothing: 0.25,
      mirror: false,
      video: 'clip.mp4',
      delegate: 'cpu',
      thread: 'main',
    });
  });

  it('reads the body mode, the hands and the pose model; the hands follow the body unless set', () => {
    expect(readTrackerSettings('').settings).toMatchObject({ body: 'upper', hands: null, poseModel: 'lite' });
    expect(handsEnabled(readTrackerSettings('').settings)).toBe(true);
    const faceOnly = readTrackerSettings('?body=off').settings;
    expect(faceOnly.body).toBe('off');
    expect(handsEnabled(faceOnly)).toBe(false);
    const handsOnly = readTrackerSettings('?body=off&hands=1').settings;
    expect(handsEnabled(handsOnly)).toBe(true);
    const { settings, problems } = readTrackerSettings('?body=FULL&hands=0&poseModel=full');
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ body: 'full', hands: false, poseModel: 'full' });
    expect(handsEnabled(settings)).toBe(false);
    expect(poseModelUrl(settings)).toBe('../models/pose_landmarker_full.task');
  });

  it('lets URL parameters win over stored settings, and keeps stored ones otherwise', () => {
    const storage = memoryStorage({ room: 'stored', key: 'k1', smoothing: 0.9, mirror: false });
    const { settings } = readTrackerSettings('?room=url', storage);
    expect(settings.room).toBe('url');
    expect(settings.key).toBe('k1');
    expect(settings.smoothing).toBe(0.9);
    expect(settings.mirror).toBe(false);
  });

  it('ignores bad values, reports each, and changes nothing else', () => {
    const { settings, problems } = readTrackerSettings('?room=no spaces!&smoothing=2&mirror=maybe&hub=ftp://x&delegate=tpu&body=legs&hands=both&poseModel=heavy');
    expect(settings).toEqual(DEFAULT_TRACKER_SETTINGS);
    expect(problems).toHaveLength(8);
    expect(problems.slice(5)).toEqual([
      'body "legs" is not upper, full or off',
      'hands "both" is not 1 or 0',
      'poseModel "heavy" is not lite or full',
    ]);
    expect(problems[0]).toMatch(/room "no spaces!" is not valid/);
    expect(problems[1]).toMatch(/smoothing "2"/);
  });

  it('survives unreadable storage', () => {
    const storage = memoryStorage();
    storage.data.set(SETTINGS_STORAGE_KEY, '{not json');
    expect(readTrackerSettings('', storage).settings).toEqual(DEFAULT_TRACKER_SETTINGS);
  });
});

describe('saveTrackerSettings', () => {
  it('persists the lasting settings but not one-off ones (autostart, video)', () => {
    const storage = memoryStorage();
    const { settings } = readTrackerSettings('?room=r1&key=k&autostart=1&video=a.mp4&smoothing=0.3&body=full&hands=0');
    saveTrackerSettings(settings, storage);
    const saved = JSON.parse(storage.data.get(SETTINGS_STORAGE_KEY)!);
    expect(saved).toMatchObject({ room: 'r1', key: 'k', smoothing: 0.3, body: 'full', hands: false });
    expect(saved).not.toHaveProperty('autostart');
    expect(saved).not.toHaveProperty('video');
    const reread = readTrackerSettings('', storage).settings;
    expect(reread.room).toBe('r1');
    expect(reread.body).toBe('full');
    expect(reread.hands).toBe(false);
    expect(reread.autostart).toBe(false);
    expect(reread.video).toBe('');
  });
});
