import { humanoidBoneIndex } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { createPartWeights, QUAT_STRIDE, RigPose } from '@rigcast/pose';
import { FrameInterpolator } from '../FrameInterpolator';
import { INITIAL_FRAME_INTERVAL_MS, MAX_FRAME_INTERVAL_MS, FrameIntervalEstimator } from '../FrameIntervalEstimator';
import { IDLE_AFTER_MS, IDLE_BLEND_MS, IdleBlend } from '../IdleBlend';
import { BLINK_DURATION_MS, BLINK_GAP_MAX_MS, IdleMotion } from '../IdleMotion';

const HEAD = humanoidBoneIndex('head') * QUAT_STRIDE;

function yawPose(radians: number): RigPose {
  const pose = new RigPose();
  new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), radians).toArray(pose.rotations, HEAD);
  pose.expressions[0] = radians;
  return pose;
}

function headYaw(pose: RigPose): number {
  return new Quaternion().fromArray(pose.rotations, HEAD).angleTo(new Quaternion());
}

describe('FrameIntervalEstimator', () => {
  it('converges on the stream rate, ignores pauses, and stays in bounds', () => {
    const estimator = new FrameIntervalEstimator();
    expect(estimator.intervalMs).toBe(INITIAL_FRAME_INTERVAL_MS);
    for (let t = 0; t < 3000; t += 1000 / 60) estimator.add(t);
    expect(estimator.intervalMs).toBeCloseTo(1000 / 60, 1);
    estimator.add(10_000); // a pause, not a rate
    expect(estimator.intervalMs).toBeCloseTo(1000 / 60, 1);
    for (let t = 10_200; t < 20_000; t += 200) estimator.add(t);
    expect(estimator.intervalMs).toBe(MAX_FRAME_INTERVAL_MS);
  });
});

describe('FrameInterpolator', () => {
  it('moves from the previous frame to the newest over one interval, adding at most one interval of delay', () => {
    const interpolator = new FrameInterpolator();
    const out = new RigPose();
    const interval = 1000 / 30;
    for (let i = 0; i <= 40; i++) interpolator.push(yawPose(0), i * interval);
    const t0 = 41 * interval;
    interpolator.push(yawPose(0.6), t0);
    expect(headYaw(interpolator.sample(t0, out))).toBeCloseTo(0, 6);
    expect(headYaw(interpolator.sample(t0 + interval / 2, out))).toBeCloseTo(0.3, 2);
    expect(headYaw(interpolator.sample(t0 + interval, out))).toBeCloseTo(0.6, 6);
    expect(out.expressions[0]).toBeCloseTo(0.6, 6);
  });

  it('an early frame starts from the pose on screen, so nothing jumps', () => {
    const interpolator = new FrameInterpolator();
    const out = new RigPose();
    const interval = 1000 / 30;
    for (let i = 0; i <= 40; i++) interpolator.push(yawPose(0), i * interval);
    const t0 = 41 * interval;
    interpolator.push(yawPose(0.6), t0);
    const mid = t0 + interval / 2;
    const shown = headYaw(interpolator.sample(mid, out));
    interpolator.push(yawPose(1.0), mid);
    expect(headYaw(interpolator.sample(mid, out))).toBeCloseTo(shown, 6);
  });

  it('with interpolation off, shows the newest frame at once', () => {
    const interpolator = new FrameInterpolator(false);
    interpolator.push(yawPose(0), 0);
    interpolator.push(yawPose(0.6), 33);
    expect(headYaw(interpolator.sample(33, new RigPose()))).toBeCloseTo(0.6, 6);
  });
});

describe('IdleBlend', () => {
  it('idles a part before the first frame and a second after the last one that carried it, easing over the blend time, each part on its own', () => {
    const blend = new IdleBlend();
    const carried = createPartWeights(-1);
    const FACE = 0;
    const ARM = 1;
    blend.update(0, carried, 16);
    expect(blend.active(FACE)).toBe(true);
    expect(blend.weights[FACE]).toBe(1);
    carried[FACE] = 100;
    blend.update(100, carried, 16);
    expect(blend.active(FACE)).toBe(false);
    expect(blend.weights[FACE]).toBeGreaterThan(0.9); // eases out, no snap
    for (let t = 116; t < 100 + IDLE_BLEND_MS + 32; t += 16) {
      carried[FACE] = t;
      blend.update(t, carried, 16);
    }
    expect(blend.weights[FACE]).toBe(0);
    // A part no frame carries stays idle meanwhile.
    expect(blend.active(ARM)).toBe(true);
    expect(blend.weights[ARM]).toBe(1);
    const last = 1000;
    carried[FACE] = last;
    blend.update(last + IDLE_AFTER_MS - 1, carried, 16);
    expect(blend.active(FACE)).toBe(false);
    blend.update(last + IDLE_AFTER_MS + 1, carried, 16);
    expect(blend.active(FACE)).toBe(true);
    expect(blend.weights[FACE]).toBeLessThan(0.01);
    // A frame that leaves the part out (-1) idles it at once, without waiting a second.
    carried[FACE] = 2000;
    for (let t = 2000; t < 2000 + IDLE_BLEND_MS + 32; t += 16) blend.update(t, carried, 16);
    carried[FACE] = -1;
    blend.update(2400, carried, 16);
    expect(blend.active(FACE)).toBe(true);
  });
});

describe('IdleMotion', () => {
  it('breathes (the chest moves over time) and blinks within the longest gap', () => {
    const idle = new IdleMotion(7);
    const pose = new RigPose();
    const chest = humanoidBoneIndex('chest') * QUAT_STRIDE;
    const angles: number[] = [];
    let blinkPeak = 0;
    for (let t = 0; t < BLINK_GAP_MAX_MS * 2; t += BLINK_DURATION_MS / 8) {
      idle.sample(t, pose);
      angles.push(new Quaternion().fromArray(pose.rotations, chest).angleTo(new Quaternion()));
      blinkPeak = Math.max(blinkPeak, pose.expressions[0]);
    }
    expect(Math.max(...angles) - Math.min(...angles)).toBeGreaterThan(0.01);
    expect(blinkPeak).toBeGreaterThan(0.95);
  });
});
