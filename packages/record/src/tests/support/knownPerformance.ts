import { quatFromAxisAngle, quatMultiply } from '@rigcast/math';
import { createEmptyBody, createNeutralFrame, encodeFrame, type Quat, type RigFrame } from '@rigcast/protocol';

/** The publisher's rate in the tests, Hz. */
export const PERFORMANCE_HZ = 60;

function axisAngle(x: number, y: number, z: number, angle: number): Quat {
  return quatFromAxisAngle([0, 0, 0, 1] as Quat, [x, y, z], angle);
}

/**
 * Frame `i` of a known performance: the head nods and turns, the jaw opens and closes, the eyes
 * blink and look around; with `withBody` (by default every other frame) the frame also carries a
 * body: the spine, arms, and a hand's fingers moving. Deterministic, so tests can compare what
 * arrives with what was sent.
 */
export function performanceFrame(i: number, withBody = i % 2 === 1): RigFrame {
  const time = 1_700_000_000_000 + (i * 1000) / PERFORMANCE_HZ;
  const t = i / PERFORMANCE_HZ;
  const frame = createNeutralFrame(1000 + i, time);
  const face = frame.face!;
  quatMultiply(face.head, axisAngle(0, 1, 0, 0.5 * Math.sin(t * 1.3)), axisAngle(1, 0, 0, 0.3 * Math.sin(t * 2.1)));
  face.headPosition = [0.03 * Math.sin(t), 0.01 * Math.cos(t * 2), 0.02 * Math.sin(t * 0.7)];
  face.blendshapes.jawOpen = 0.5 + 0.5 * Math.sin(t * 5);
  face.blendshapes.eyeBlinkLeft = i % 40 < 4 ? 1 : 0.05;
  face.blendshapes.eyeBlinkRight = i % 40 < 4 ? 1 : 0.05;
  face.blendshapes.mouthSmileLeft = 0.3 + 0.3 * Math.sin(t);
  face.expressions.aa = face.blendshapes.jawOpen;
  face.expressions.blink = face.blendshapes.eyeBlinkLeft;
  face.expressions.happy = 0.5 + 0.5 * Math.sin(t * 0.5);
  const gaze = { yaw: 0.3 * Math.sin(t * 3), pitch: 0.2 * Math.cos(t * 2) };
  face.gaze = { left: gaze, right: { ...gaze } };
  if (withBody) {
    const body = createEmptyBody();
    body.bones.spine = axisAngle(0, 0, 1, 0.1 * Math.sin(t));
    body.bones.leftUpperArm = axisAngle(0, 0, 1, -1.2 + 0.4 * Math.sin(t * 2));
    body.bones.leftLowerArm = axisAngle(0, 1, 0, 0.8 + 0.3 * Math.sin(t * 3));
    body.bones.rightUpperArm = axisAngle(0, 0, 1, 1.2 - 0.4 * Math.sin(t * 2));
    body.bones.rightLowerArm = axisAngle(0, 1, 0, -0.8 - 0.3 * Math.sin(t * 3));
    body.bones.leftIndexProximal = axisAngle(0, 0, 1, -0.6 - 0.5 * Math.sin(t * 4));
    body.bones.leftThumbProximal = axisAngle(0, 1, 0, 0.4 * Math.sin(t * 4));
    body.confidence.torso = 1;
    body.confidence.leftArm = 1;
    body.confidence.rightArm = 1;
    body.confidence.leftHand = 0.9;
    frame.body = body;
  }
  return frame;
}

/** The first `count` frames of {@link performanceFrame}, encoded; `withBody` for a body in every frame. */
export function performanceBytes(count: number, withBody?: boolean): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => encodeFrame(performanceFrame(i, withBody)));
}
