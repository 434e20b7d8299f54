import { describe, expect, it } from 'vitest';
import { SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH, loadFaceFixture } from '../../fixture/loadFaceFixture';
import { STILL_FRAMES, jitterRatios, std, sweepLags } from './jitterAndLag';
import { replayFixture } from './replayFixture';

// The filters are judged on the IMAGE-mode recording: every frame detected on its own, so "raw"
// is the detector's real noise. (In VIDEO mode MediaPipe already smooths landmarks across
// frames; the figures for that recording are printed too.) Raw = smoothing 0, the same solver
// with every filter off; filtered = the default smoothing 0.5.
const CALIBRATE_AFTER = 16;

function compare(path?: string) {
  const fixture = loadFaceFixture(path);
  const raw = replayFixture(fixture, { smoothing: 0 }, CALIBRATE_AFTER);
  const filtered = replayFixture(fixture, { smoothing: 0.5 }, CALIBRATE_AFTER);
  return { raw, filtered, ratios: jitterRatios(raw, filtered), lags: sweepLags(raw.roll, filtered.roll) };
}

const image = compare(SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH);
const video = compare();

const show = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}×`).join(', ');
console.log(`jitter cut on still frames 270–324 (IMAGE mode): ${show(image.ratios)}; roll-sweep lag ${Math.max(...image.lags).toFixed(2)} frames max`);
console.log(`jitter cut on still frames 270–324 (VIDEO mode): ${show(video.ratios)}; roll-sweep lag ${Math.max(...video.lags).toFixed(2)} frames max`);
console.log(
  `plain std of roll on 270–324 (IMAGE mode): raw ${std(image.raw.roll, STILL_FRAMES).toFixed(2)}°, filtered ${std(image.filtered.roll, STILL_FRAMES).toFixed(2)}° (mostly the subject's real drift)`,
);

describe('FaceSolver filtering on the selfie recordings', () => {
  it('cuts head rotation jitter at rest at least 3× (roll, yaw, pitch)', () => {
    expect(image.ratios.roll).toBeGreaterThanOrEqual(3);
    expect(image.ratios.yaw).toBeGreaterThanOrEqual(3);
    expect(image.ratios.pitch).toBeGreaterThanOrEqual(3);
  });

  it('cuts head position jitter at rest at least 3× (x, y, z)', () => {
    expect(image.ratios.x).toBeGreaterThanOrEqual(3);
    expect(image.ratios.y).toBeGreaterThanOrEqual(3);
    expect(image.ratios.z).toBeGreaterThanOrEqual(3);
  });

  it('adds at most 1 frame of lag on every roll sweep, and does not lead', () => {
    for (const lags of [image.lags, video.lags]) {
      expect(lags).toHaveLength(12);
      for (const lag of lags) {
        expect(lag).toBeLessThanOrEqual(1);
        expect(lag).toBeGreaterThan(-0.25);
      }
    }
  });

  it('still smooths the already-smoothed VIDEO-mode stream', () => {
    for (const ratio of Object.values(video.ratios)) expect(ratio).toBeGreaterThan(1.5);
  });
});
