import { createEmptyBody, type RigFrame } from '@rigcast/protocol';
import { Euler, Quaternion } from 'three';

const _q = new Quaternion();
const _euler = new Euler();

/**
 * Writes into `frame` (which has a face) a pose at `t` seconds that keeps every channel moving:
 * head, lean, gaze, blendshapes, presets, and both arms through the body.
 */
export function movingFrame(frame: RigFrame, t: number): RigFrame {
  const face = frame.face!;
  const yaw = 0.35 * Math.sin(t * 1.3);
  const pitch = 0.15 * Math.sin(t * 0.9);
  _q.setFromEuler(_euler.set(pitch, yaw, 0, 'YXZ')).toArray(face.head);
  face.headPosition = [0.03 * Math.sin(t), 0, 0.02 * Math.cos(t * 0.7)];
  face.gaze.left.yaw = face.gaze.right.yaw = 0.2 * Math.sin(t * 2.1);
  face.gaze.left.pitch = face.gaze.right.pitch = 0.1 * Math.sin(t * 1.7);
  const wave = 0.5 + 0.5 * Math.sin(t * 3);
  for (const name of Object.keys(face.blendshapes) as (keyof typeof face.blendshapes)[]) face.blendshapes[name] = wave * 0.3;
  face.blendshapes.jawOpen = wave;
  face.expressions.aa = wave;
  face.expressions.blink = Math.sin(t * 0.8) > 0.95 ? 1 : 0;
  face.expressions.happy = 0.5 - 0.5 * Math.cos(t * 0.4);
  const arm = 0.5 * Math.sin(t);
  const body = createEmptyBody();
  body.bones = {
    leftUpperArm: [0, 0, -Math.sin(0.6 + arm / 2), Math.cos(0.6 + arm / 2)],
    rightUpperArm: [0, 0, Math.sin(0.6 - arm / 2), Math.cos(0.6 - arm / 2)],
    leftLowerArm: [0, -Math.sin(0.3), 0, Math.cos(0.3)],
    rightLowerArm: [0, Math.sin(0.3), 0, Math.cos(0.3)],
  };
  // No torso: it follows the head's lean, as with a face-only tracker.
  Object.assign(body.confidence, { leftArm: 1, rightArm: 1 });
  frame.body = body;
  return frame;
}
