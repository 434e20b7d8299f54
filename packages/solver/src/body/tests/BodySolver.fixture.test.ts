import '@rigcast/math/testing';
import { DEG, quatAngleBetween, quatConjugate, quatRotateVec3 } from '@rigcast/math';
import { relaxedRestRotation, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH, loadPoseFixture } from '../../fixture/loadPoseFixture';
import { TrackingState } from '../../lifecycle/TrackingState';
import { cameraPointFromMediaPipe } from '../../space/cameraPointFromMediaPipe';
import { ARM_BEHIND_TRUSTED_RAD } from '../limitBehindTorso';
import { PoseLandmarkIndex as P } from '../PoseLandmarkIndex';
import { worldRotation } from './bodyFk';
import { frames, replayPoseFixture } from './replayPoseFixture';

// body/arm-raise-thumbs-up.mp4 (DATA.md), recorded through PoseLandmarker lite: a woman filmed
// from the chest up raises her right arm (24–34), holds it above the shoulder with the elbow
// sharply bent (36–50), swings it toward the camera (52–58) and holds it there, thumb up
// (60–194). Her left arm stays down, out of the frame. With mirror on, her right arm is the
// avatar's left.
const video = loadPoseFixture();
const image = loadPoseFixture(ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH);
const mirrored = replayPoseFixture(video, { mirror: true });
const direct = replayPoseFixture(video, { mirror: false });
const imageMirrored = replayPoseFixture(image, { mirror: true });

const LEFT_ARM = ['leftShoulder', 'leftUpperArm', 'leftLowerArm'] as const;
const RIGHT_ARM = ['rightShoulder', 'rightUpperArm', 'rightLowerArm'] as const;
const rest = (bone: HumanoidBoneName): Quat => relaxedRestRotation(bone, [0, 0, 0, 1]);
const firstTracked = (states: readonly TrackingState[]) => states.indexOf(TrackingState.Tracking);
const cm = (m: number) => `${(m * 100).toFixed(0)}`;

/** Largest frame-to-frame turn of the avatar's left arm bones over `range`, and the largest turn away from their pose at `reference`. */
function stability(replay: typeof mirrored, range: number[], reference: number) {
  let step = 0;
  let spread = 0;
  for (const f of range) {
    for (const bone of LEFT_ARM) {
      step = Math.max(step, quatAngleBetween(replay.bones[f - 1][bone]!, replay.bones[f][bone]!) / DEG);
      spread = Math.max(spread, quatAngleBetween(replay.bones[reference][bone]!, replay.bones[f][bone]!) / DEG);
    }
  }
  return { step, spread };
}

/**
 * How far behind the torso's plane her tracked (right) arm's segments point in MediaPipe's world
 * landmarks, measured in the solved upperChest's frame (mirror off: camera space): the depth the
 * solver is given, against what it trusts ({@link ARM_BEHIND_TRUSTED_RAD}).
 */
function behindTorso(): { upper: number; lower: number; limited: number } {
  let upper = -90, lower = -90, limited = 0;
  const a = [0, 0, 0], b = [0, 0, 0], d = [0, 0, 0];
  video.frames.forEach((frame, f) => {
    if (direct.rightArm[f] !== TrackingState.Tracking) return;
    const torso = quatConjugate([0, 0, 0, 1], worldRotation(direct.bones[f], 'upperChest'));
    const w = frame.result.worldLandmarks[0];
    for (const [from, to, which] of [[P.RightShoulder, P.RightElbow, 'upper'], [P.RightElbow, P.RightWrist, 'lower']] as const) {
      cameraPointFromMediaPipe(a, w[from]);
      cameraPointFromMediaPipe(b, w[to]);
      for (let i = 0; i < 3; i++) d[i] = b[i] - a[i];
      quatRotateVec3(d, torso, d);
      const behind = Math.asin(-d[2] / Math.hypot(d[0], d[1], d[2])) / DEG;
      if (which === 'upper') upper = Math.max(upper, behind);
      else lower = Math.max(lower, behind);
      if (behind > ARM_BEHIND_TRUSTED_RAD / DEG) limited++;
    }
  });
  return { upper, lower, limited };
}

const rise = frames(30, 60).map((f) => `${f}:${cm(mirrored.leftHandAboveShoulder[f])}`).join(' ');
const still = stability(mirrored, frames(62, 194), 128);
const stillImage = stability(imageMirrored, frames(62, 194), 128);
const depth = behindTorso();
const lean = mirrored.bones.slice(45).map((b) => quatAngleBetween(worldRotation(b, 'upperChest'), [0, 0, 0, 1]) / DEG);
console.log(
  [
    `arm-raise clip, mirror on: the avatar's left arm is taken up at frame ${firstTracked(mirrored.leftArm)} (IMAGE mode ${firstTracked(imageMirrored.leftArm)}), its right arm ${mirrored.rightArm.includes(TrackingState.Tracking) ? 'IS' : 'never'} tracked`,
    `avatar's left hand above its shoulder, cm (frame:height): ${rise}`,
    `arm toward the camera, frames 62–194: largest frame-to-frame turn ${still.step.toFixed(2)}°, widest from frame 128 ${still.spread.toFixed(2)}° (IMAGE mode: ${stillImage.step.toFixed(2)}°, ${stillImage.spread.toFixed(2)}°)`,
    `depth: her tracked arm points at most ${depth.upper.toFixed(1)}° (upper arm) and ${depth.lower.toFixed(1)}° (forearm) behind the torso's plane; the soft limit (from ${ARM_BEHIND_TRUSTED_RAD / DEG}°) acted on ${depth.limited} segment-frames`,
    `torso lean, frames 45–194: ${Math.min(...lean).toFixed(1)}°–${Math.max(...lean).toFixed(1)}° (MediaPipe puts the unseen hips' centre behind the shoulders)`,
  ].join('\n'),
);

describe('BodySolver on the arm-raise recording', () => {
  it("drives the avatar's LEFT arm with her right arm when mirrored, and its right arm when not", () => {
    expect(firstTracked(mirrored.leftArm)).toBeGreaterThan(24);
    expect(firstTracked(mirrored.leftArm)).toBeLessThanOrEqual(36);
    expect(mirrored.leftArm.slice(firstTracked(mirrored.leftArm)).every((s) => s === TrackingState.Tracking)).toBe(true);
    expect(mirrored.rightArm.every((s) => s === TrackingState.Lost)).toBe(true);
    expect(firstTracked(direct.rightArm)).toBe(firstTracked(mirrored.leftArm));
    expect(direct.leftArm.every((s) => s === TrackingState.Lost)).toBe(true);
    frames(40, 194).forEach((f) => expect(mirrored.confidence[f].leftArm).toBeGreaterThan(0.4));
  });

  it('raises that arm above the shoulder while she holds her fist above her head (36–50)', () => {
    // Taken up at frame 35 and blended in over 300 ms, the hand is above the shoulder from 42 on.
    for (const f of frames(42, 50)) expect(mirrored.leftHandAboveShoulder[f], `frame ${f}`).toBeGreaterThan(0.05);
    expect(Math.max(...frames(36, 50).map((f) => mirrored.leftHandAboveShoulder[f]))).toBeGreaterThan(0.1);
    // Before she raises it, the avatar's arm hangs at the relaxed rest, hand far below.
    for (const f of frames(0, 30)) expect(mirrored.leftHandAboveShoulder[f]).toBeLessThan(-0.35);
  });

  it('keeps the other arm (hers, out of the frame) at the relaxed rest in every frame, in VIDEO and IMAGE mode', () => {
    for (const replay of [mirrored, imageMirrored]) {
      replay.bones.forEach((bones, f) => {
        RIGHT_ARM.forEach((bone) => expect(bones[bone], `frame ${f} ${bone}`).toBeCloseToQuaternion(rest(bone), 1e-6));
        expect(replay.confidence[f].rightArm).toBe(0);
      });
      expect(replay.rightArm.includes(TrackingState.Tracking)).toBe(false);
    }
  });

  it('holds the arm pointed at the camera steady (62–194)', () => {
    expect(still.step).toBeLessThan(4);
    expect(still.spread).toBeLessThan(10);
  });

  it('keeps the tracked arm in front of the torso, as MediaPipe sees it here', () => {
    expect(depth.upper).toBeLessThan(ARM_BEHIND_TRUSTED_RAD / DEG);
    expect(depth.lower).toBeLessThan(ARM_BEHIND_TRUSTED_RAD / DEG);
  });
});
