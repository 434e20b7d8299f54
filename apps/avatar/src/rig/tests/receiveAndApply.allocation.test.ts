import { createEmptyBody, createNeutralFrame, encodeFrame, type Quat } from '@rigcast/protocol';
import { Euler, Quaternion } from 'three';
import { describe, expect, it } from 'vitest';
import { bytesPerCall, retainedBytes } from '../../../../../test/support/allocation';
import { FrameReceiver } from '../../receive';
import { AvatarRig } from '../AvatarRig';
import { RigApplier } from '../RigApplier';
import { makeTestVRM } from './makeTestVRM';

const FRAME_MS = 1000 / 30;
const RENDER_MS = 1000 / 60;
/** Distinct frames streamed in a loop: long enough that parts come and go. */
const FRAME_COUNT = 240;
/** Frames per cycle of a part being carried and then not, so every part keeps easing in and out. */
const PART_CYCLE_FRAMES = 40;

/** Encoded frames as a tracker would send them: a moving face, and arms and torso that come and go. */
function streamBytes(): Uint8Array[] {
  const q = new Quaternion();
  const euler = new Euler();
  const rotation = (x: number, y: number, z: number): Quat => q.setFromEuler(euler.set(x, y, z)).toArray() as Quat;
  return Array.from({ length: FRAME_COUNT }, (_, i) => {
    const t = i * 0.07;
    const frame = createNeutralFrame(i + 1, 1_700_000_000_000 + i * FRAME_MS);
    const face = frame.face!;
    face.head = rotation(0.2 * Math.sin(t), 0.4 * Math.sin(t * 1.3), 0.1 * Math.cos(t));
    face.headPosition = [0.03 * Math.sin(t), 0, 0.02 * Math.cos(t)];
    face.blendshapes.jawOpen = 0.5 + 0.5 * Math.sin(t * 3);
    face.blendshapes.eyeBlinkLeft = 0.5 + 0.5 * Math.cos(t * 2);
    face.expressions.aa = face.blendshapes.jawOpen;
    face.expressions.blink = face.blendshapes.eyeBlinkLeft;
    face.gaze.left = { yaw: 0.2 * Math.sin(t), pitch: 0.1 * Math.cos(t) };
    face.gaze.right = { yaw: 0.2 * Math.sin(t), pitch: 0.1 * Math.cos(t) };
    frame.body = createEmptyBody();
    frame.body.bones.spine = rotation(0.1 * Math.sin(t), 0, 0);
    frame.body.bones.leftUpperArm = rotation(0, 0.3 * Math.sin(t), -1);
    frame.body.bones.rightUpperArm = rotation(0, -0.3 * Math.sin(t), 1);
    frame.body.bones.leftLowerArm = rotation(0, -0.5, 0);
    frame.body.bones.rightLowerArm = rotation(0, 0.5, 0);
    const cycle = Math.floor(i / PART_CYCLE_FRAMES);
    frame.body.confidence.torso = cycle % 2 === 0 ? 0.9 : 0;
    frame.body.confidence.leftArm = cycle % 3 === 0 ? 0 : 0.8;
    frame.body.confidence.rightArm = cycle % 4 === 3 ? 0 : 0.7;
    if (cycle % 5 === 4) face.confidence = 0;
    return encodeFrame(frame);
  });
}

/**
 * The avatar page's receive-and-apply loop, as `main.ts` wires it, on a real three-vrm model:
 * decode → pose → interpolate → idle per part → write onto the model. One step is one rendered
 * frame at 60 Hz; every other step also receives a frame (30 Hz).
 */
/**
 * Render times, created once: the page gets each as a number from requestAnimationFrame, so the
 * loop must not be charged for making them.
 */
const RENDER_TIMES: readonly number[] = Object.freeze(Array.from({ length: 50_000 }, (_, i) => i * RENDER_MS));
const RENDER_STEP_MS = RENDER_TIMES[1];

function pageLoop(withUpdate: boolean): (i: number) => void {
  const vrm = makeTestVRM('1', ['blink', 'blinkLeft', 'blinkRight', 'aa', 'ih', 'happy', 'EyeBlinkLeft', 'JawOpen']);
  const rig = new AvatarRig(vrm);
  const applier = new RigApplier();
  const receiver = new FrameReceiver((frame, nowMs) => applier.receive(frame, nowMs));
  const bytes = streamBytes();
  const updateSeconds = RENDER_STEP_MS / 1000;
  return (i) => {
    const now = RENDER_TIMES[i % RENDER_TIMES.length];
    if (i % 2 === 0) receiver.receive(bytes[(i / 2) % bytes.length], now);
    applier.update(now, RENDER_STEP_MS);
    applier.apply(rig, now);
    if (withUpdate) vrm.update(updateSeconds);
  };
}

// Timed runs of thousands of frames, on a shared machine: generous timeouts.
describe('avatar receive-and-apply loop: allocation per frame', { timeout: 60_000 }, () => {
  it('decode → pose → interpolate → apply onto a three-vrm model creates no objects or arrays', async () => {
    const loop = await bytesPerCall(pageLoop(false), 10_000);
    const withUpdate = await bytesPerCall(pageLoop(true), 2000);
    console.log(`bytes per rendered frame: receive-and-apply ${loop.toFixed(1)}, with three-vrm's vrm.update() ${withUpdate.toFixed(1)}`);
    // What remains is V8 boxing a few numbers (16 B each) at calls it does not inline (three's
    // slerpFlat, performance.now() for the page's own timing, a part's weight while it eases):
    // fewer than 8, as FaceSolver's allocation test allows. Decoding with decodeFrame alone was
    // 7 KB per received frame, and one copied RigPose is 2.3 KB.
    expect(loop).toBeLessThan(8 * 16);
  });

  it('retains nothing: the heap after 20,000 rendered frames and a GC is where it started', () => {
    const growth = retainedBytes(pageLoop(false), 20_000);
    console.log(`retained after 20,000 rendered frames: ${growth} B`);
    expect(growth).toBeLessThan(64 * 1024);
  });
});
