import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateDefaultAvatar } from '@rigcast/avatar-gen';
import type { Hub } from '@rigcast/hub';
import { BODY_PART_BONES, BodyPartName, createEmptyBody, createNeutralFrame, type BodyRig, type HumanoidBoneName, type RigFrame } from '@rigcast/protocol';
import { BodySolver, HandSolver } from '@rigcast/solver';
import { THUMBS_UP_HAND_FIXTURE_PATH, loadHandFixture, loadPoseFixture } from '@rigcast/solver/fixture';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countDifferentPixels,
  openAvatar,
  readBoneWorld,
  screenshotPixels,
  TEST_VRMS,
  TestPublisher,
  useAvatarSuite,
  type AvatarPage,
  type BoneWorldReading,
  type Pixels,
  type Region,
  type WorldPoint,
} from './avatar-harness';
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from './support/sharedData';

// What a viewer sees when the tracker's real solvers drive the avatar page: the recorded
// MediaPipe output of body/arm-raise-thumbs-up.mp4 (packages/solver/fixtures) through BodySolver
// and HandSolver, mirror on, published to a real hub, shown in real Chromium — on the default
// avatar (VRM 1.0, loaded with no ?model=) and on avocado-vrm0.vrm, whose VRM 0.x thumb bones
// (thumbProximal / thumbIntermediate / thumbDistal) are VRM 1.0's thumbMetacarpal / thumbProximal
// / thumbDistal.
//
// Known answers (see packages/solver/src/body/tests/BodySolver.fixture.test.ts and
// hands/tests/HandSolver.fixture.test.ts): she raises her right arm above her shoulder with the
// elbow sharply bent (frames 36–50), swings it toward the camera and holds a thumbs-up (60–194);
// her left arm stays down. Mirror on, that is the avatar's LEFT arm and hand.

/** A frame in the arm-raise hold: hand above the shoulder. */
const RAISED_ARM_FRAME = 46;
/** A frame in the middle of the thumbs-up hold. */
const THUMBS_UP_FRAME = 128;

const STREAM_HZ = 30;
/**
 * Small, as software GL renders every pixel on the CPU: the default avatar's hand still covers
 * thousands of pixels. The avocado's stick arms need a larger window for their hands to show.
 */
const VIEWPORT = { width: 480, height: 360 };
const AVOCADO_VIEWPORT = { width: 720, height: 540 };
/** The drawn bones move less than this (metres) between two reads once a pose has settled. */
const SETTLED_M = 0.0005;
/** How long the page may take to follow a frame's parts (a loaded machine renders a few frames a second). */
const FOLLOW_TIMEOUT_MS = 15_000;
/** Frames received before a pose counts as shown, and frames rendered between two reads of it. */
const SETTLE_FRAMES = 2;
/** A screenshot pixel "changed" when a channel differs by more than this (0–255). */
const PIXEL_THRESHOLD = 24;

/**
 * The thumb points up: at least this share of its base→tip vector is +Y (17° above the horizontal).
 * Not straight up: MediaPipe's world landmarks put her thumb 45° toward the camera (the video
 * cannot show depth), and the default avatar shows just that (the solver's rest hand is its
 * hand); the avocado's rest thumb lies nearer its fingers, so the same rotations leave it lower.
 */
const THUMB_UP_SHARE = 0.3;
/** A straight thumb: its base→tip distance is at least this share of its length. */
const STRAIGHT_SHARE = 0.85;
/** A curled finger: its tip is nearer its knuckle than this share of the finger's length. */
const CURLED_SHARE = 0.6;
/** A pose change "moves" a point by at least this (m); what stays still moves less. */
const MOVED_M = 0.01;
/** A raised hand is at least this far (m) above its shoulder; a hanging one this far below. */
const RAISED_M = 0.05;
const HANGING_M = 0.2;
/** Screen boxes: the hand's bones grown by this share of the hand's span, the arm's by this share of its. */
const HAND_MARGIN_SHARE = 0.35;
const ARM_MARGIN_SHARE = 0.15;
/**
 * A pose change changes this share of the screen box around what moved more than differ between
 * two shots of one pose (the default avatar's spring-bone hair never quite settles when software
 * GL renders a few frames a second), and at least this many times as many.
 */
const MIN_CHANGED_SHARE = 0.1;
const CONTROL_RATIO = 2;

const DEFAULT_AVATAR = resolve(REPO_ROOT, 'models/rigcast-default.vrm');

const FINGERS = ['Index', 'Middle', 'Ring', 'Little'] as const;
/** The avatar's left hand's finger bones (everything the hand part carries but the wrist). */
const LEFT_DIGIT_BONES = BODY_PART_BONES[BodyPartName.LeftHand].filter((bone) => bone !== 'leftHand');
const HAND_BONES = [
  'leftHand',
  'leftThumbMetacarpal',
  'leftThumbProximal',
  'leftThumbDistal',
  ...FINGERS.flatMap((f) => [`left${f}Proximal`, `left${f}Intermediate`, `left${f}Distal`] as const),
] as const satisfies readonly HumanoidBoneName[];
const ARM_BONES = ['leftUpperArm', 'leftLowerArm', 'leftHand', 'rightUpperArm', 'rightLowerArm', 'rightHand'] as const satisfies readonly HumanoidBoneName[];

type Reading<Name extends HumanoidBoneName> = Record<Name, BoneWorldReading>;
type HandReading = Reading<(typeof HAND_BONES)[number]>;

/**
 * The arm-raise clip through the tracker's solvers, as the tracker runs them (body first, then the
 * hands hung on its arms), mirror on: the body the tracker would send, frame by frame (copies).
 */
function solveArmRaiseClip(): BodyRig[] {
  const pose = loadPoseFixture();
  const hands = loadHandFixture(THUMBS_UP_HAND_FIXTURE_PATH);
  const bodySolver = new BodySolver({ mirror: true });
  const handSolver = new HandSolver({ mirror: true });
  const body = createEmptyBody();
  return pose.frames.map((frame, f) => {
    const hand = hands.frames[f];
    bodySolver.solve(frame.result, frame.timeMs, body);
    handSolver.solve(hand.result, hand.timeMs, body, bodySolver, hand.poseWrists);
    return structuredClone(body);
  });
}

/** A .vrm is a GLB: a 12-byte header, then the JSON chunk's byte length, its type, and its text. */
const GLB_JSON_LENGTH_OFFSET = 12;
const GLB_JSON_START = 20;

/** The name three gives the node bound to each humanoid bone of a VRM 0.x file, by its VRM 0.x bone name. */
function vrm0HumanBoneNodes(path: string): Record<string, string> {
  const bytes = readFileSync(path);
  const json = JSON.parse(bytes.subarray(GLB_JSON_START, GLB_JSON_START + bytes.readUInt32LE(GLB_JSON_LENGTH_OFFSET)).toString('utf8'));
  const bones: { bone: string; node: number }[] = json.extensions.VRM.humanoid.humanBones;
  // three's GLTFLoader names objects as PropertyBinding.sanitizeNodeName does.
  const sanitize = (name: string) => name.replace(/\s/g, '_').replace(/[[\].:/]/g, '');
  return Object.fromEntries(bones.map(({ bone, node }) => [bone, sanitize(json.nodes[node].name)]));
}

/** A frame with a neutral face and `body`. */
function frameWith(body: BodyRig): RigFrame {
  const frame = createNeutralFrame();
  frame.body = body;
  return frame;
}

const sub = (a: WorldPoint, b: WorldPoint): WorldPoint => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const length = (v: WorldPoint) => Math.hypot(v[0], v[1], v[2]);
const distance = (a: WorldPoint, b: WorldPoint) => length(sub(a, b));
const cm = (m: number) => (m * 100).toFixed(1);

/** Where a chain of joints ends, and how long it is along its segments. */
function chain(points: WorldPoint[]): { reach: number; length: number } {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i], points[i - 1]);
  return { reach: distance(points[points.length - 1], points[0]), length: total };
}

/** A screen box around `points` (CSS pixels), grown by `margin` on every side. */
function boxAround(points: { x: number; y: number }[], margin: number): Region {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin;
  return { x, y, width: Math.max(...xs) + margin - x, height: Math.max(...ys) + margin - y };
}

describe.skipIf(!HAS_SHARED_DATA)(`avatar page: the solvers' body and fingers on real avatars${HAS_SHARED_DATA ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
  let hub: Hub;
  let browser: Browser;
  let clip: BodyRig[];
  /** One page per model, shared by the tests (each shows every pose it reads). */
  const pages = new Map<string | null, Promise<AvatarPage & { publisher: TestPublisher }>>();

  beforeAll(() => {
    // What the root build writes; the page loads it when the address names no model.
    if (!existsSync(DEFAULT_AVATAR)) writeFileSync(DEFAULT_AVATAR, generateDefaultAvatar().bytes);
    clip = solveArmRaiseClip();
  });
  useAvatarSuite((started) => ({ hub, browser } = started));
  afterAll(async () => {
    for (const opened of pages.values()) (await opened).publisher.close();
  });

  /** The page showing `model` (null: the default avatar, no ?model=) in its own room, with a publisher. */
  function open(model: string | null, viewport = VIEWPORT) {
    let opened = pages.get(model);
    if (!opened) {
      opened = (async () => {
        const room = `body-hands-${pages.size}`;
        const avatar = await openAvatar(browser, hub, model === null ? { room } : { room, model }, viewport);
        const publisher = new TestPublisher(hub, room);
        await publisher.connected();
        return { ...avatar, publisher };
      })();
      pages.set(model, opened);
    }
    return opened;
  }

  /**
   * Streams `frame` until the page has taken several of its frames, the parts it carries follow
   * it (no idle left) and `bones` are drawn still over rendered frames; then reads where they are
   * and takes `shots` screenshots, still streaming.
   */
  async function show<Name extends HumanoidBoneName>(
    { page, publisher }: { page: Page; publisher: TestPublisher },
    frame: RigFrame,
    bones: readonly Name[],
    shots = 1,
  ): Promise<{ bones: Reading<Name>; pixels: Pixels[] }> {
    const carried = Object.entries(frame.body!.confidence).filter(([, c]) => c > 0).map(([part]) => part);
    const seq = publisher.sent + SETTLE_FRAMES;
    const stop = publisher.stream(() => frame, STREAM_HZ);
    try {
      await page
        .waitForFunction(
          ({ parts, seq }) => {
            const s = window.rigcast.state();
            return (s.frames.lastSeq ?? 0) >= seq && parts.every((part) => s.idle[part as 'leftArm'].weight === 0);
          },
          { parts: carried, seq },
          { timeout: FOLLOW_TIMEOUT_MS, polling: 100 },
        )
        .catch(async () => {
          const { frames, idle } = await page.evaluate(() => window.rigcast.state());
          throw new Error(`the page does not follow the frame's ${carried.join(', ')}: ${frames.received} frames received, idle ${JSON.stringify(idle)}`);
        });
      let reading = (await readBoneWorld(page, bones)) as Reading<Name>;
      for (;;) {
        const rendered = await page.evaluate(() => window.rigcast.state().render.frames);
        await page.waitForFunction((n) => window.rigcast.state().render.frames >= n, rendered + SETTLE_FRAMES, { timeout: 30_000, polling: 50 });
        const now = (await readBoneWorld(page, bones)) as Reading<Name>;
        const moved = Math.max(...bones.map((b) => distance(now[b].joint, reading[b].joint)));
        reading = now;
        if (moved < SETTLED_M) break;
      }
      const pixels: Pixels[] = [];
      for (let i = 0; i < shots; i++) pixels.push(await screenshotPixels(page));
      return { bones: reading, pixels };
    } finally {
      stop();
    }
  }

  it.each([
    { name: 'the default avatar (VRM 1.0, no ?model=)', model: null, viewport: VIEWPORT, vrm0File: null },
    { name: 'avocado-vrm0.vrm (VRM 0.x thumb names)', model: TEST_VRMS.avocado, viewport: AVOCADO_VIEWPORT, vrm0File: sharedPath('vrm/avocado-vrm0.vrm') },
  ])("$name: a thumbs-up frame shows a thumbs-up on the avatar's left hand", async ({ name, model, viewport, vrm0File }) => {
    const avatar = await open(model, viewport);
    const thumbsUp = clip[THUMBS_UP_FRAME];
    expect(thumbsUp.confidence.leftArm).toBeGreaterThan(0);
    expect(thumbsUp.confidence.leftHand).toBe(1);
    // The same body with the hand's digits left out: the page shows its relaxed rest hand there.
    const relaxed = structuredClone(thumbsUp);
    for (const bone of LEFT_DIGIT_BONES) delete relaxed.bones[bone];

    const rest = await show(avatar, frameWith(relaxed), HAND_BONES, 2);
    const up = await show(avatar, frameWith(thumbsUp), HAND_BONES);

    // Geometry, as drawn (the raw, skinned bones). The thumb sticks up out of the fist: its tip
    // is above its base and above every finger joint, it is straight (the tip as far from the
    // base as the thumb is long), and it is farther from the wrist than every curled fingertip.
    const b = up.bones;
    const thumbTip = (r: HandReading) => r.leftThumbDistal.end;
    const thumbBase = b.leftThumbMetacarpal.joint;
    const thumb = chain([thumbBase, b.leftThumbProximal.joint, b.leftThumbDistal.joint, thumbTip(b)]);
    const thumbRise = thumbTip(b)[1] - thumbBase[1];
    const fingerTop = Math.max(...FINGERS.flatMap((f) => [`left${f}Proximal`, `left${f}Intermediate`, `left${f}Distal`] as const).map((bone) => b[bone].joint[1]));
    const thumbToWrist = distance(thumbTip(b), b.leftHand.joint);
    const finger = (r: HandReading, f: (typeof FINGERS)[number]) =>
      chain([r[`left${f}Proximal`].joint, r[`left${f}Intermediate`].joint, r[`left${f}Distal`].joint, r[`left${f}Distal`].end]);
    const tipToWrist = (r: HandReading, f: (typeof FINGERS)[number]) => distance(r[`left${f}Distal`].end, r.leftHand.joint);
    const fingers = FINGERS.map((f) => ({ f, fold: finger(b, f), relaxedFold: finger(rest.bones, f), toWrist: tipToWrist(b, f), relaxedToWrist: tipToWrist(rest.bones, f) }));
    // From the relaxed rest hand (thumb resting, slightly bent) the thumb straightens and rises.
    const thumbMoved = distance(thumbTip(b), thumbTip(rest.bones));
    const thumbRose = thumbTip(b)[1] - thumbTip(rest.bones)[1];
    console.log(
      `${name}: thumb base→tip rises ${cm(thumbRise)} cm over ${cm(thumb.reach)} cm (length ${cm(thumb.length)} cm), its tip ${cm(thumbTip(b)[1] - fingerTop)} cm above the highest finger joint ` +
        `and ${cm(thumbToWrist)} cm from the wrist; it moved ${cm(thumbMoved)} cm (up ${cm(thumbRose)} cm) from the relaxed hand. ` +
        `Knuckle→fingertip over finger length, thumbs-up (relaxed): ${fingers.map((x) => `${x.f} ${(x.fold.reach / x.fold.length).toFixed(2)} (${(x.relaxedFold.reach / x.relaxedFold.length).toFixed(2)})`).join(', ')}; ` +
        `fingertip→wrist, cm: ${fingers.map((x) => `${x.f} ${cm(x.toWrist)} (${cm(x.relaxedToWrist)})`).join(', ')}`,
    );
    expect(thumbRise).toBeGreaterThan(THUMB_UP_SHARE * thumb.reach);
    expect(thumbTip(b)[1]).toBeGreaterThan(fingerTop);
    expect(thumb.reach).toBeGreaterThan(STRAIGHT_SHARE * thumb.length);
    expect(thumbMoved).toBeGreaterThan(MOVED_M);
    expect(thumbRose).toBeGreaterThan(MOVED_M);
    for (const x of fingers) {
      // Curled: each finger folds (its tip near its knuckle), its tip nearer the wrist than in the
      // relaxed hand and than the thumb's.
      expect(x.fold.reach, x.f).toBeLessThan(CURLED_SHARE * x.fold.length);
      expect(x.relaxedFold.reach, x.f).toBeGreaterThan(CURLED_SHARE * x.relaxedFold.length);
      expect(x.toWrist, x.f).toBeLessThan(x.relaxedToWrist - MOVED_M);
      expect(x.toWrist, x.f).toBeLessThan(thumbToWrist);
    }
    if (vrm0File) {
      // The thumb the page moves is the file's thumb, one name along: VRM 0.x's thumbProximal,
      // thumbIntermediate and thumbDistal are VRM 1.0's thumbMetacarpal, thumbProximal and thumbDistal.
      const nodes = vrm0HumanBoneNodes(vrm0File);
      expect([b.leftThumbMetacarpal.node, b.leftThumbProximal.node, b.leftThumbDistal.node]).toEqual([
        nodes.leftThumbProximal,
        nodes.leftThumbIntermediate,
        nodes.leftThumbDistal,
      ]);
    }

    // Pixels: around the left hand (screen right: the avatar faces the camera) the thumbs-up
    // changes far more than two shots of the relaxed hand differ (the hair's springs sway).
    const handSpan = Math.max(...HAND_BONES.map((n) => Math.hypot(b[n].screen.x - b.leftHand.screen.x, b[n].screen.y - b.leftHand.screen.y)));
    const region = boxAround(HAND_BONES.flatMap((n) => [b[n].screen, rest.bones[n].screen]), handSpan * HAND_MARGIN_SHARE);
    const control = countDifferentPixels(rest.pixels[0], rest.pixels[1], region, PIXEL_THRESHOLD);
    const changed = countDifferentPixels(rest.pixels[0], up.pixels[0], region, PIXEL_THRESHOLD);
    console.log(`${name}: around the left hand (${region.width.toFixed(0)}×${region.height.toFixed(0)} px) ${changed} pixels changed from the relaxed hand to the thumbs-up, ${control} between two shots of the relaxed hand`);
    expect(changed - control).toBeGreaterThan(MIN_CHANGED_SHARE * region.width * region.height);
    expect(changed).toBeGreaterThan(CONTROL_RATIO * control);
    expect(avatar.errors).toEqual([]);
  });

  it("the default avatar: the raised-arm frame shows the avatar's left arm up, the right arm at rest", async () => {
    const avatar = await open(null);
    const raised = clip[RAISED_ARM_FRAME];
    expect(raised.confidence.leftArm).toBeGreaterThan(0);
    expect(raised.confidence.rightArm).toBe(0);
    // The same frame with the left arm's and hand's bones left out: the page shows them in its
    // rest pose (arm hanging, hand relaxed). The right arm is in neither (it rests and idles).
    const lowered = structuredClone(raised);
    for (const bone of [...BODY_PART_BONES[BodyPartName.LeftArm], ...BODY_PART_BONES[BodyPartName.LeftHand]]) delete lowered.bones[bone];

    const rest = await show(avatar, frameWith(lowered), ARM_BONES, 2);
    const up = await show(avatar, frameWith(raised), ARM_BONES);

    const b = up.bones;
    const shoulderY = b.leftUpperArm.joint[1];
    const restShoulderY = rest.bones.leftUpperArm.joint[1];
    console.log(
      `raised arm: the left hand ${cm(b.leftHand.joint[1] - shoulderY)} cm and elbow ${cm(b.leftLowerArm.joint[1] - shoulderY)} cm above the left shoulder ` +
        `(at rest: ${cm(rest.bones.leftHand.joint[1] - restShoulderY)} and ${cm(rest.bones.leftLowerArm.joint[1] - restShoulderY)} cm); ` +
        `the right hand ${cm(b.rightHand.joint[1] - b.rightUpperArm.joint[1])} cm below its shoulder, moved ${cm(distance(b.rightHand.joint, rest.bones.rightHand.joint))} cm`,
    );
    expect(b.leftHand.joint[1]).toBeGreaterThan(shoulderY + RAISED_M);
    expect(rest.bones.leftHand.joint[1]).toBeLessThan(restShoulderY - HANGING_M);
    expect(rest.bones.leftLowerArm.joint[1]).toBeLessThan(restShoulderY);
    // The right arm hangs at rest in both.
    for (const r of [rest.bones, b]) expect(r.rightHand.joint[1]).toBeLessThan(r.rightUpperArm.joint[1] - HANGING_M);
    expect(distance(b.rightHand.joint, rest.bones.rightHand.joint)).toBeLessThan(MOVED_M);

    // Pixels: in a box from the avatar's left shoulder up to the raised hand (screen right of the
    // body) the arm shows; the same box on the right shoulder barely changes.
    const shoulder = b.leftUpperArm.screen;
    const armSpan = Math.hypot(b.leftHand.screen.x - shoulder.x, b.leftHand.screen.y - shoulder.y);
    const upperLeft = boxAround([shoulder, b.leftLowerArm.screen, b.leftHand.screen], armSpan * ARM_MARGIN_SHARE);
    const rightShoulder = b.rightUpperArm.screen;
    const upperRight: Region = { ...upperLeft, x: rightShoulder.x - (upperLeft.x + upperLeft.width - shoulder.x) };
    const control = countDifferentPixels(rest.pixels[0], rest.pixels[1], upperLeft, PIXEL_THRESHOLD);
    const changed = countDifferentPixels(rest.pixels[0], up.pixels[0], upperLeft, PIXEL_THRESHOLD);
    const otherSide = countDifferentPixels(rest.pixels[0], up.pixels[0], upperRight, PIXEL_THRESHOLD);
    console.log(
      `raised arm: ${changed} pixels changed above the left shoulder (${upperLeft.width.toFixed(0)}×${upperLeft.height.toFixed(0)} px), ` +
        `${control} between two shots at rest, ${otherSide} in the same box over the right shoulder`,
    );
    expect(changed - Math.max(control, otherSide)).toBeGreaterThan(MIN_CHANGED_SHARE * upperLeft.width * upperLeft.height);
    expect(changed).toBeGreaterThan(CONTROL_RATIO * Math.max(control, otherSide));
    expect(avatar.errors).toEqual([]);
  });
});
