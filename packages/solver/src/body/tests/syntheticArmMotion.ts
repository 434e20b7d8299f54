import { DEG } from '@rigcast/math';
import type { PoseLandmarkerResultLike } from '../PoseLandmarkerResultLike';
import { BodySide } from '../BodySide';
import { landmarksOf, poseArmAngles, type BonePose } from './bodyFk';

/** Frame rate of the synthetic streams. */
export const SYNTHETIC_FPS = 30;
/** Landmark noise of the still stretch, per axis: what PoseLandmarker lite shows frame by frame (IMAGE mode) on the arm-raise clip, 5–9 mm. */
export const SYNTHETIC_NOISE_METRES = 0.007;

/**
 * A synthetic upper-body stream: `stillFrames` of an arm held still with landmark noise, then
 * `sweepFrames` of the left arm swinging up and down (elevation −40° ↔ +30°, 0.6 Hz: up to
 * 130°/s, a gesture's speed) without noise. Returns the landmarks and the frame ranges of each
 * half swing (for lag measurements).
 */
export function syntheticArmMotion(gaussian: () => number, stillFrames = 120, sweepFrames = 150): {
  frames: PoseLandmarkerResultLike[];
  still: number[];
  sweeps: [number, number][];
} {
  const frames: PoseLandmarkerResultLike[] = [];
  const HZ = 0.6;
  const elevation = (f: number) => (-5 - 35 * Math.cos(2 * Math.PI * HZ * (f / SYNTHETIC_FPS))) * DEG;
  for (let f = 0; f < stillFrames + sweepFrames; f++) {
    const moving = f >= stillFrames;
    const pose: BonePose = {};
    poseArmAngles(pose, BodySide.Left, { elevation: moving ? elevation(f - stillFrames) : -40 * DEG, azimuth: 40 * DEG, twist: 0, bend: 60 * DEG, pronation: 0 });
    poseArmAngles(pose, BodySide.Right, { elevation: -60 * DEG, azimuth: 20 * DEG, twist: 0, bend: 30 * DEG, pronation: 0 });
    frames.push(landmarksOf(pose, moving ? 0 : SYNTHETIC_NOISE_METRES, gaussian));
  }
  const still = Array.from({ length: stillFrames - 60 }, (_, i) => 40 + i);
  const half = SYNTHETIC_FPS / HZ / 2;
  const sweeps: [number, number][] = [];
  for (let start = stillFrames + half; start + half < stillFrames + sweepFrames; start += half) sweeps.push([Math.round(start), Math.round(start + half)]);
  return { frames, still, sweeps };
}
