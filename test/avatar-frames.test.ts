import type { Hub } from '@rigcast/hub';
import { REST_ARM_DROP_RAD, createEmptyBody, createNeutralFrame, type RigFrame } from '@rigcast/protocol';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axisAngle,
  countDifferentPixels,
  multiplyQuat,
  openAvatar,
  quatAngleDeg,
  readAvatar,
  screenshotPixels,
  TEST_VRMS,
  TestPublisher,
  useAvatarSuite,
  type AvatarReading,
  type Pixels,
  type Region,
} from './avatar-harness';
import { HAS_SHARED_DATA, SHARED_SKIP_REASON } from './support/sharedData';

const DEG = Math.PI / 180;
const STREAM_HZ = 30;

let roomCounter = 0;
const nextRoom = () => `frames-${++roomCounter}`;

function state(page: Page): Promise<AvatarReading> {
  return readAvatar(page);
}

/** Streams `frame` until the page's state satisfies `predicate` (evaluated in the page). */
async function streamUntil(
  page: Page,
  publisher: TestPublisher,
  frame: RigFrame,
  predicate: (arg: number) => boolean,
  arg = 0,
): Promise<void> {
  const stop = publisher.stream(() => frame, STREAM_HZ);
  try {
    await page.waitForFunction(predicate, arg, { timeout: 60_000, polling: 100 });
  } finally {
    stop();
  }
}

// Frames published to a real hub move the avatar in real Chromium: bones, expressions,
// gaze and the mouth in pixels.
describe.skipIf(!HAS_SHARED_DATA)(`avatar page: frames move the avatar${HAS_SHARED_DATA ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
  let hub: Hub;
  let browser: Browser;

  useAvatarSuite((started) => ({ hub, browser } = started));

  async function open(model: string, extra: Record<string, string> = {}, viewport = { width: 640, height: 480 }) {
    const room = nextRoom();
    const avatar = await openAvatar(browser, hub, { room, model, ...extra }, viewport);
    const publisher = new TestPublisher(hub, room);
    await publisher.connected();
    return { ...avatar, publisher, close: async () => (publisher.close(), await avatar.page.close()) };
  }

  it.each([
    ['VRM 0.x', TEST_VRMS.avocado],
    ['VRM 1.0', TEST_VRMS.debugRobot],
  ])('%s: head yaw +30° turns head and neck by 30° ± 2° in total, toward the avatar\'s left; pitch looks down', async (_v, model) => {
    const { page, publisher, errors, close } = await open(model);
    try {
      const frame = createNeutralFrame();
      frame.face!.head = axisAngle([0, 1, 0], 30);
      await streamUntil(page, publisher, frame, () => {
        const s = window.rigcast.state();
        return !s.idle.face.active && s.idle.face.weight === 0 && s.frames.received > 5;
      });
      let s = await state(page);
      const total = quatAngleDeg(multiplyQuat(s.bones.neck!, s.bones.head!));
      expect(total).toBeGreaterThan(28);
      expect(total).toBeLessThan(32);
      // Split between the two bones, not all on one.
      expect(quatAngleDeg(s.bones.neck!)).toBeGreaterThan(5);
      expect(quatAngleDeg(s.bones.head!)).toBeGreaterThan(5);
      // The face points toward +X (the avatar's left) in the world, for 0.x and 1.0 alike.
      expect(s.headForward![0]).toBeCloseTo(Math.sin(30 * DEG), 2);

      // Positive rotation about +X tips the face down: same sign on both VRM versions.
      frame.face!.head = axisAngle([1, 0, 0], 20);
      const down = -Math.sin(20 * DEG);
      await streamUntil(page, publisher, frame, (y) => Math.abs(window.avatarProbe().headForward![1] - y) < 0.005, down);
      s = await state(page);
      expect(s.headForward![1]).toBeCloseTo(down, 2);
      expect(Math.abs(s.headForward![0])).toBeLessThan(0.01);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('each body part follows its own confidence: torso and right arm at 1 follow the frame, the left arm at 0 rests; a face-only frame rests both arms', async () => {
    const { page, publisher, errors, close } = await open(TEST_VRMS.debugRobot);
    try {
      const rest = (side: 1 | -1) => axisAngle([0, 0, 1], (side * REST_ARM_DROP_RAD) / DEG);
      const angleBetween = (a: number[], b: number[]) => quatAngleDeg(multiplyQuat([-a[0], -a[1], -a[2], a[3]], b));
      const rightArm = axisAngle([0, 1, 0], -50);
      const spine = axisAngle([1, 0, 0], 12);
      const frame = createNeutralFrame();
      frame.body = createEmptyBody();
      frame.body.bones.spine = spine;
      frame.body.bones.rightUpperArm = rightArm;
      frame.body.bones.leftUpperArm = axisAngle([0, 1, 0], 50); // sent, but at confidence 0
      Object.assign(frame.body.confidence, { torso: 1, rightArm: 1, leftArm: 0 });
      await streamUntil(page, publisher, frame, () => {
        const s = window.rigcast.state();
        return s.frames.received > 5 && s.idle.rightArm.weight === 0 && s.idle.leftArm.weight === 1;
      });
      let s = await state(page);
      expect(s.idle.torso).toMatchObject({ active: false, weight: 0 });
      expect(s.idle.leftArm.active).toBe(true);
      expect(angleBetween(s.bones.rightUpperArm!, rightArm)).toBeLessThan(0.5);
      expect(angleBetween(s.bones.spine!, spine)).toBeLessThan(0.5);
      expect(angleBetween(s.bones.leftUpperArm!, rest(-1))).toBeLessThan(0.5);

      const faceOnly = createNeutralFrame();
      await streamUntil(page, publisher, faceOnly, () => window.rigcast.state().idle.rightArm.weight === 1);
      s = await state(page);
      expect(s.idle.face).toMatchObject({ active: false, weight: 0 });
      expect(angleBetween(s.bones.rightUpperArm!, rest(1))).toBeLessThan(0.5);
      expect(angleBetween(s.bones.leftUpperArm!, rest(-1))).toBeLessThan(0.5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('blinkLeft = 1 sets that expression\'s weight to 1 (and only that blink)', async () => {
    const { page, publisher, close } = await open(TEST_VRMS.debugRobot);
    try {
      const frame = createNeutralFrame();
      frame.face!.expressions.blinkLeft = 1;
      await streamUntil(page, publisher, frame, () => window.avatarProbe().expressions.blinkLeft === 1);
      const s = await state(page);
      expect(s.expressions.blinkLeft).toBe(1);
      expect(s.expressions.blinkRight).toBe(0);
    } finally {
      await close();
    }
  });

  it('an emotion with overrideBlink damps the blink, as the model says', async () => {
    // expressions-test-vrm1: happy has overrideBlink "blend".
    const { page, publisher, close } = await open(TEST_VRMS.expressionsTest);
    try {
      const frame = createNeutralFrame();
      frame.face!.expressions.blink = 1;
      await streamUntil(page, publisher, frame, () => window.avatarProbe().expressions.blink === 1);
      expect((await state(page)).overrides.blink).toBe(1);
      frame.face!.expressions.happy = 1;
      await streamUntil(page, publisher, frame, () => window.avatarProbe().expressions.happy === 1);
      const s = await state(page);
      expect(s.expressions.blink).toBe(1);
      expect(s.overrides.blink).toBe(0);
    } finally {
      await close();
    }
  });

  it('gaze moves the lookAt: bone type turns the eyes, toward the avatar\'s left for yaw > 0', async () => {
    const { page, publisher, close } = await open(TEST_VRMS.debugRobot);
    try {
      const frame = createNeutralFrame();
      await streamUntil(page, publisher, frame, () => window.rigcast.state().frames.received > 3);
      const before = await state(page);
      expect(before.lookAtType).toBe('bone');
      expect(quatAngleDeg(before.bones.leftEye!)).toBeLessThan(0.5);

      const yaw = 20 * DEG;
      const pitch = 10 * DEG;
      frame.face!.gaze = { left: { yaw, pitch }, right: { yaw, pitch } };
      await streamUntil(page, publisher, frame, () => Math.abs(window.avatarProbe().lookAt!.yaw - 20) < 0.5);
      const s = await state(page);
      expect(s.lookAt!.yaw).toBeCloseTo(20, 0);
      expect(s.lookAt!.pitch).toBeCloseTo(-10, 0); // three-vrm counts pitch downward
      expect(s.lookAt!.direction[0]).toBeGreaterThan(0.25); // toward +X
      expect(s.lookAt!.direction[1]).toBeGreaterThan(0.1); // up
      expect(quatAngleDeg(s.bones.leftEye!)).toBeGreaterThan(1);
      expect(quatAngleDeg(s.bones.rightEye!)).toBeGreaterThan(1);
    } finally {
      await close();
    }
  });

  it('gaze moves the lookAt: expression type takes the same yaw and pitch (this model declares no look expressions to weigh)', async () => {
    const { page, publisher, close } = await open(TEST_VRMS.expressionsTest);
    try {
      const frame = createNeutralFrame();
      frame.face!.gaze = { left: { yaw: 20 * DEG, pitch: 10 * DEG }, right: { yaw: 20 * DEG, pitch: 10 * DEG } };
      await streamUntil(page, publisher, frame, () => Math.abs(window.avatarProbe().lookAt!.yaw - 20) < 0.5);
      const s = await state(page);
      expect(s.lookAtType).toBe('expression');
      expect(s.lookAt!.direction[0]).toBeGreaterThan(0.25);
      expect(s.lookAt!.pitch).toBeCloseTo(-10, 0);
    } finally {
      await close();
    }
  });

  it('jawOpen / aa opens the mouth of avocado-vrm0.vrm, in state and in pixels', async () => {
    // The avocado's mouth is small: a large window gives it enough pixels.
    const { page, publisher, close } = await open(TEST_VRMS.avocado, { frame: 'face' }, { width: 1280, height: 960 });
    try {
      const neutral = createNeutralFrame();
      await streamUntil(page, publisher, neutral, () => {
        const s = window.rigcast.state();
        return !s.idle.face.active && s.idle.face.weight === 0 && s.frames.received > 5;
      });
      const s0 = await state(page);
      const viewport = page.viewportSize()!;
      // The mouth sits on the face around the head bone; crop a box around it.
      const region: Region = {
        x: s0.headScreen!.x - viewport.width * 0.2,
        y: s0.headScreen!.y - viewport.height * 0.2,
        width: viewport.width * 0.4,
        height: viewport.height * 0.4,
      };
      const shoot = async (frame: RigFrame): Promise<Pixels> => {
        const stop = publisher.stream(() => frame, STREAM_HZ);
        try {
          await page.waitForTimeout(600);
          return await screenshotPixels(page);
        } finally {
          stop();
        }
      };
      const closedA = await shoot(neutral);
      const closedB = await shoot(neutral);

      const open = createNeutralFrame();
      open.face!.blendshapes.jawOpen = 1;
      open.face!.expressions.aa = 1;
      await streamUntil(page, publisher, open, () => window.avatarProbe().expressions.aa === 1);
      const opened = await shoot(open);
      expect((await state(page)).expressions.aa).toBe(1);

      const control = countDifferentPixels(closedA, closedB, region);
      const mouth = countDifferentPixels(closedA, opened, region);
      expect(mouth).toBeGreaterThan(150);
      expect(mouth).toBeGreaterThan(control * 10);
    } finally {
      await close();
    }
  });
});
