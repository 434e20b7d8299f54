import { DEG } from '@rigcast/math';
import { REST_ARM_DROP_RAD, createEmptyBody, createNeutralFrame, type HumanoidBoneName, type Quat, type RigFrame } from '@rigcast/protocol';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { IDLE_AFTER_MS, IDLE_BLEND_MS } from '../../motion';
import { RigPartName } from '@rigcast/pose';
import { AvatarRig } from '../AvatarRig';
import { RigApplier } from '../RigApplier';
import { makeTestVRM } from './makeTestVRM';

const FRAME_MS = 1000 / 30;
const RENDER_MS = 1000 / 60;

function quat(axis: [number, number, number], degrees: number): Quat {
  const q = new Quaternion().setFromAxisAngle(new Vector3(...axis).normalize(), degrees * DEG);
  return [q.x, q.y, q.z, q.w];
}

const RIGHT_ARM = quat([0, 1, 1], 50);
const LEFT_ARM = quat([0, -1, 1], 60);
const SPINE = quat([1, 0, 0], 12);
const HEAD = quat([0, 1, 0], 30);
const LEFT_REST = quat([0, 0, 1], -REST_ARM_DROP_RAD / DEG);
const RIGHT_REST = quat([0, 0, 1], REST_ARM_DROP_RAD / DEG);

/** A frame with a face turned by {@link HEAD} and a body carrying both arms and the spine, at the given confidences. */
function bodyFrame(confidence: { torso: number; leftArm: number; rightArm: number }): RigFrame {
  const frame = createNeutralFrame();
  frame.face!.head = [...HEAD];
  frame.body = createEmptyBody();
  frame.body.bones.spine = [...SPINE];
  frame.body.bones.leftUpperArm = [...LEFT_ARM];
  frame.body.bones.rightUpperArm = [...RIGHT_ARM];
  Object.assign(frame.body.confidence, confidence);
  return frame;
}

/** A model and an applier driven as the page drives them: frames at 30 Hz, renders at 60 Hz. */
function drive() {
  const vrm = makeTestVRM('1', ['blink', 'aa']);
  const rig = new AvatarRig(vrm);
  const applier = new RigApplier();
  let now = 0;
  let nextFrame = 0;
  return {
    applier,
    /** Renders for `ms`, receiving `frame()` every frame interval (none when it returns null). */
    run(ms: number, frame: () => RigFrame | null, onRender?: (nowMs: number) => void): void {
      const end = now + ms;
      while (now < end) {
        now += RENDER_MS;
        if (now >= nextFrame) {
          nextFrame += FRAME_MS;
          const next = frame();
          if (next) applier.receive(next, now);
        }
        applier.update(now, RENDER_MS);
        applier.apply(rig, now);
        onRender?.(now);
      }
    },
    /** The rotation the model's normalized bone has now. */
    bone(name: HumanoidBoneName): Quaternion {
      return vrm.humanoid.getNormalizedBoneNode(name)!.quaternion.clone();
    },
  };
}

function angleDeg(a: Quaternion, b: Quat): number {
  return a.angleTo(new Quaternion(...b)) / DEG;
}

describe('RigApplier: each part follows its own confidence', () => {
  it('torso and right arm at confidence 1, left arm at 0: the right arm and spine follow the frame, the left arm rests', () => {
    const page = drive();
    const frame = bodyFrame({ torso: 1, leftArm: 0, rightArm: 1 });
    page.run(1000, () => frame);
    expect(angleDeg(page.bone('rightUpperArm'), RIGHT_ARM)).toBeLessThan(0.01);
    expect(angleDeg(page.bone('spine'), SPINE)).toBeLessThan(0.01);
    // The frame's left arm is there, but at confidence 0: the arm hangs at rest instead.
    expect(angleDeg(page.bone('leftUpperArm'), LEFT_REST)).toBeLessThan(0.01);
    expect(page.applier.partIdle(RigPartName.LeftArm)).toMatchObject({ active: true, weight: 1 });
    expect(page.applier.partIdle(RigPartName.RightArm)).toMatchObject({ active: false, weight: 0 });
    expect(page.applier.partIdle(RigPartName.Face)).toMatchObject({ active: false, weight: 0 });
    // The face follows too: neck and head compose to the tracked turn.
    expect(angleDeg(page.bone('neck').multiply(page.bone('head')), HEAD)).toBeLessThan(0.01);
  });

  it('a face-only frame leaves both arms at rest, leans nothing for a centred head, and turns the head', () => {
    const page = drive();
    const frame = createNeutralFrame();
    frame.face!.head = [...HEAD];
    page.run(1000, () => frame);
    expect(angleDeg(page.bone('leftUpperArm'), LEFT_REST)).toBeLessThan(0.01);
    expect(angleDeg(page.bone('rightUpperArm'), RIGHT_REST)).toBeLessThan(0.01);
    expect(angleDeg(page.bone('spine'), [0, 0, 0, 1])).toBeLessThan(0.01);
    expect(angleDeg(page.bone('neck').multiply(page.bone('head')), HEAD)).toBeLessThan(0.01);
    // The torso follows the face (its lean), so it is live; the arms are idle, at rest.
    expect(page.applier.partIdle(RigPartName.Torso).weight).toBe(0);
    expect(page.applier.partIdle(RigPartName.LeftArm).weight).toBe(1);
  });

  it('a part that stops being carried eases to rest over the blend time with no jump, while the others keep following', () => {
    const page = drive();
    let frame = bodyFrame({ torso: 1, leftArm: 1, rightArm: 1 });
    page.run(1000, () => frame);
    expect(angleDeg(page.bone('leftUpperArm'), LEFT_ARM)).toBeLessThan(0.01);

    const total = angleDeg(new Quaternion(...LEFT_ARM), LEFT_REST);
    frame = bodyFrame({ torso: 1, leftArm: 0, rightArm: 1 });
    let previous = page.bone('leftUpperArm');
    let largestStep = 0;
    let restAt = Number.NaN;
    const start = { at: Number.NaN };
    page.run(800, () => frame, (now) => {
      if (Number.isNaN(start.at)) start.at = now;
      const current = page.bone('leftUpperArm');
      largestStep = Math.max(largestStep, current.angleTo(previous) / DEG);
      previous = current;
      if (Number.isNaN(restAt) && angleDeg(current, LEFT_REST) < 0.01) restAt = now;
      expect(angleDeg(page.bone('rightUpperArm'), RIGHT_ARM)).toBeLessThan(0.01);
    });
    // Eased over about the blend time (smoothstep: the steepest 60 Hz step is 1.5 × the mean one).
    expect(restAt - start.at).toBeGreaterThan(IDLE_BLEND_MS - 2 * RENDER_MS);
    expect(restAt - start.at).toBeLessThan(IDLE_BLEND_MS + 3 * RENDER_MS);
    expect(largestStep).toBeLessThan((total * RENDER_MS * 1.6) / IDLE_BLEND_MS);

    // Carried again: it eases back, not in one step.
    frame = bodyFrame({ torso: 1, leftArm: 1, rightArm: 1 });
    previous = page.bone('leftUpperArm');
    largestStep = 0;
    page.run(600, () => frame, () => {
      const current = page.bone('leftUpperArm');
      largestStep = Math.max(largestStep, current.angleTo(previous) / DEG);
      previous = current;
    });
    expect(angleDeg(page.bone('leftUpperArm'), LEFT_ARM)).toBeLessThan(0.01);
    expect(largestStep).toBeLessThan((total * RENDER_MS * 1.6) / IDLE_BLEND_MS);
  });

  it('every part idles a second after frames stop, the face as it always has', () => {
    const page = drive();
    const frame = bodyFrame({ torso: 1, leftArm: 1, rightArm: 1 });
    page.run(500, () => frame);
    page.run(IDLE_AFTER_MS - 2 * FRAME_MS, () => null);
    expect(page.applier.partIdle(RigPartName.Face).active).toBe(false);
    expect(page.applier.partIdle(RigPartName.RightArm).active).toBe(false);
    page.run(3 * FRAME_MS + IDLE_BLEND_MS, () => null);
    for (const part of [RigPartName.Face, RigPartName.Torso, RigPartName.RightArm, RigPartName.LeftArm]) {
      expect(page.applier.partIdle(part)).toMatchObject({ active: true, weight: 1 });
    }
    expect(angleDeg(page.bone('rightUpperArm'), RIGHT_REST)).toBeLessThan(0.01);
  });
});
