import kalmanFilter from 'kalman-filter';
import { describe, expect, it } from 'vitest';
import { KalmanPositionFilter } from '../KalmanPositionFilter';
import { frameTime, gaussian, std } from './noise';

const params = { measurementNoise: 0.002, accelerationNoise: 0.1 };

describe('KalmanPositionFilter', () => {
  it('matches kalman-filter run step by step once its gain has converged', () => {
    // The same constant-velocity model, run with the library's own predict/correct.
    const dt = 1 / 30;
    const q = params.accelerationNoise ** 2;
    const r = params.measurementNoise ** 2;
    const { KalmanFilter } = kalmanFilter;
    const reference = new KalmanFilter({
      observation: { dimension: 1, stateProjection: [[1, 0]], covariance: [[r]] },
      dynamic: {
        dimension: 2,
        transition: [[1, dt], [0, 1]],
        covariance: [[(q * dt ** 4) / 4, (q * dt ** 3) / 2], [(q * dt ** 3) / 2, q * dt ** 2]],
        init: { mean: [[0], [0]], covariance: [[1, 0], [0, 1]] },
      },
    });
    const ours = new KalmanPositionFilter(params);
    const noise = gaussian(3);
    const out = [0, 0, 0];
    let previous;
    const errors: number[] = [];
    for (let i = 0; i < 200; i++) {
      const z = 0.05 * Math.sin(i / 20) + params.measurementNoise * noise();
      const predicted = reference.predict({ previousCorrected: previous });
      previous = reference.correct({ predicted, observation: [z] });
      ours.filter([z, 0, 0], Math.round(i * dt * 1000), out);
      if (i >= 100) errors.push(Math.abs(out[0] - previous.mean[0][0]));
    }
    // Round-to-ms steps (33 or 34 ms) versus exactly 1/30 s, and the start-up transient, differ a little.
    expect(Math.max(...errors)).toBeLessThan(0.0005);
  });

  it('cuts measurement noise at rest, more the lower the acceleration noise', () => {
    const reduction = (accelerationNoise: number): number => {
      const f = new KalmanPositionFilter({ measurementNoise: 0.003, accelerationNoise });
      const noise = gaussian(11);
      const out = [0, 0, 0];
      const raw: number[] = [];
      const filtered: number[] = [];
      for (let i = 0; i < 300; i++) {
        const z = 0.4 + 0.003 * noise();
        f.filter([0, 0, z], frameTime(i), out);
        raw.push(z);
        filtered.push(out[2]);
      }
      return std(raw.slice(60)) / std(filtered.slice(60));
    };
    const strong = reduction(0.02);
    const light = reduction(0.5);
    expect(strong).toBeGreaterThan(3);
    expect(light).toBeGreaterThan(1);
    expect(strong).toBeGreaterThan(light);
  });

  it('follows constant velocity with no steady-state lag', () => {
    const f = new KalmanPositionFilter(params);
    const out = [0, 0, 0];
    const speed = 0.2; // m/s
    for (let i = 0; i < 150; i++) f.filter([speed * (frameTime(i) / 1000), 0, 0], frameTime(i), out);
    expect(Math.abs(out[0] - speed * (frameTime(149) / 1000))).toBeLessThan(1e-4);
  });

  it('passes through when disabled and rejects non-positive noise', () => {
    const f = new KalmanPositionFilter(params);
    f.enabled = false;
    const out = [0, 0, 0];
    f.filter([1, 2, 3], 0, out);
    expect(f.filter([4, 5, 6], 33, out)).toEqual([4, 5, 6]);
    expect(() => new KalmanPositionFilter({ measurementNoise: 0, accelerationNoise: 1 })).toThrow(/> 0/);
  });
});
