import { readFileSync } from 'node:fs';
import { createSkeleton } from '@rigcast/avatar-gen';
import { quatAngleBetween, quatMultiply } from '@rigcast/math';
import { QUAT_STRIDE, RigPose, createPartAppliers, writeFramePose } from '@rigcast/pose';
import {
  ARKIT_BLENDSHAPE_NAMES,
  MAX_ROTATION_ERROR_DEG,
  RIG_EXPRESSION_NAMES,
  WEIGHT_STEPS,
  decodeFrame,
  humanoidBoneIndex,
  readRecording,
  type HumanoidBoneName,
  type RigFrame,
} from '@rigcast/protocol';
import { VRMAnimationLoaderPlugin, type VRMAnimation } from '@pixiv/three-vrm-animation';
// @ts-expect-error gltf-validator ships no types
import validator from 'gltf-validator';
import type { KeyframeTrack } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { BVHLoader } from 'three/examples/jsm/loaders/BVHLoader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished } from '../../../../test/support/childOutput';
import { gazeRotation } from '../export/gazeRotation';
import { RecordingFileWriter } from '../file/RecordingFileWriter';
import { performanceBytes } from './support/knownPerformance';
import { RecordHarness } from './support/RecordHarness';

const DEG = Math.PI / 180;
/** `KeyframeTrack.createInterpolant`, which three has and its type declarations leave out. */
type Sampled = { createInterpolant(): { evaluate(t: number): ArrayLike<number> } };
/** Half a step of a weight byte: the codec's bound for weights. */
const WEIGHT_BOUND = 1 / (2 * WEIGHT_STEPS);
const FRAMES = 150;
/** Frames arrive at exactly the BVH's frame rate, so that BVH frames fall on recorded frames. */
const RATE_HZ = 30;

let harness: RecordHarness;
let frames: RigFrame[];
let times: number[];
let poses: RigPose[];
let stdout: string;

beforeAll(async () => {
  harness = new RecordHarness();
  const writer = new RecordingFileWriter(harness.path('show.rig'));
  // Face and body in every frame: the export shows both, with nothing easing to rest in between.
  performanceBytes(FRAMES, true).forEach((bytes, i) => writer.append(500 + (i * 1000) / RATE_HZ, bytes));
  writer.close();
  const result = await finished(
    harness.rigcast([
      'export', harness.path('show.rig'), '--vrma', harness.path('show.vrma'), '--bvh', harness.path('show.bvh'), '--bvh-fps', String(RATE_HZ), '--jsonl', harness.path('show.jsonl'),
    ]),
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  stdout = result.stdout;
  const recording = readRecording(readFileSync(harness.path('show.rig')));
  frames = recording.frames.map((f) => decodeFrame(f.bytes));
  times = recording.frames.map((f) => (f.arrivalMs - recording.frames[0].arrivalMs) / 1000);
  const appliers = createPartAppliers();
  poses = frames.map((frame) => writeFramePose(frame, appliers, new RigPose()));
}, 60_000);
afterAll(() => harness.cleanup());

function poseRotation(pose: RigPose, bone: HumanoidBoneName): number[] {
  const o = humanoidBoneIndex(bone) * QUAT_STRIDE;
  return Array.from(pose.rotations.subarray(o, o + QUAT_STRIDE));
}

/** The largest angle, degrees, between expected and actual rotations over every frame. */
function worstAngleDeg(expected: (i: number) => number[], actual: (i: number) => ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < FRAMES; i++) worst = Math.max(worst, quatAngleBetween(expected(i), actual(i)) / DEG);
  return worst;
}

describe('rigcast export --vrma', () => {
  it('passes the Khronos glTF validator with no errors and no warnings', async () => {
    const report = await validator.validateBytes(new Uint8Array(readFileSync(harness.path('show.vrma'))));
    const codes = [...new Set(report.issues.messages.map((m: { code: string }) => m.code))];
    console.log(`gltf-validator: ${report.issues.numErrors} errors, ${report.issues.numWarnings} warnings, ${report.issues.numInfos} infos (${codes.join(', ')})`);
    expect(report.issues.numErrors).toBe(0);
    expect(report.issues.numWarnings).toBe(0);
    expect(stdout).toMatch(/wrote .*show\.vrma \([\d.]+ kB, 150 poses at the recorded times\)/);
  });

  describe('read by three-vrm-animation (VRMAnimationLoaderPlugin)', () => {
    let animation: VRMAnimation;
    beforeAll(async () => {
      const loader = new GLTFLoader();
      loader.register((parser) => new VRMAnimationLoaderPlugin(parser));
      const bytes = readFileSync(harness.path('show.vrma'));
      const gltf = await loader.parseAsync(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), '');
      animation = gltf.userData.vrmAnimations[0];
    });

    /** A track's value at `t`, through three's own interpolant for it (slerp for rotations). */
    const sample = (track: KeyframeTrack, t: number) => Array.from((track as unknown as Sampled).createInterpolant().evaluate(t));

    it('has a key at every recorded time, and lasts as long as the recording', () => {
      const head = animation.humanoidTracks.rotation.get('head')!;
      expect(Array.from(head.times)).toEqual(times.map((t) => Math.fround(t)));
      expect(animation.duration).toBeCloseTo(times.at(-1)!, 5);
    });

    it('rotates every bone as the avatar page shows the recording, within the codec bound, at the recorded times', () => {
      const bones = [...animation.humanoidTracks.rotation.keys()];
      expect(bones).toHaveLength(52); // 55 humanoid bones but the eyes (lookAt) and the jaw (the skeleton has none)
      let worst = 0;
      for (const bone of bones) {
        const track = animation.humanoidTracks.rotation.get(bone)!;
        worst = Math.max(worst, worstAngleDeg((i) => poseRotation(poses[i], bone as HumanoidBoneName), (i) => sample(track, times[i])));
      }
      console.log(`VRMA bone rotations against the recording's poses: at most ${worst.toExponential(2)}°`);
      expect(worst).toBeLessThan(MAX_ROTATION_ERROR_DEG);
    });

    it("splits the tracked head across neck and head like the avatar, composing back to the recorded head", () => {
      const neck = animation.humanoidTracks.rotation.get('neck')!;
      const head = animation.humanoidTracks.rotation.get('head')!;
      const worst = worstAngleDeg((i) => frames[i].face!.head, (i) => quatMultiply([0, 0, 0, 1], sample(neck, times[i]), sample(head, times[i])));
      expect(worst).toBeLessThan(MAX_ROTATION_ERROR_DEG);
      // And the neck takes a real share, not all or nothing.
      const neckAngle = quatAngleBetween([0, 0, 0, 1], sample(neck, times[40])) / DEG;
      const headAngle = quatAngleBetween([0, 0, 0, 1], frames[40].face!.head) / DEG;
      expect(neckAngle).toBeGreaterThan(0.2 * headAngle);
      expect(neckAngle).toBeLessThan(0.6 * headAngle);
      // Body bones come from the body: the left elbow bends as recorded.
      expect(worstAngleDeg((i) => frames[i].body!.bones.leftLowerArm!, (i) => sample(animation.humanoidTracks.rotation.get('leftLowerArm')!, times[i]))).toBeLessThan(MAX_ROTATION_ERROR_DEG);
    });

    it('carries the presets and the 52 ARKit weights, as recorded, and the gaze as lookAt', () => {
      const { preset, custom } = animation.expressionTracks;
      expect([...preset.keys()].sort()).toEqual([...RIG_EXPRESSION_NAMES].sort());
      expect([...custom.keys()].sort()).toEqual([...ARKIT_BLENDSHAPE_NAMES].sort());
      let worst = 0;
      for (let i = 0; i < FRAMES; i++) {
        const face = frames[i].face!;
        for (const name of RIG_EXPRESSION_NAMES) worst = Math.max(worst, Math.abs(sample(preset.get(name)!, times[i])[0] - face.expressions[name]));
        for (const name of ARKIT_BLENDSHAPE_NAMES) worst = Math.max(worst, Math.abs(sample(custom.get(name)!, times[i])[0] - face.blendshapes[name]));
      }
      console.log(`VRMA expression weights against the recording: at most ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(WEIGHT_BOUND);
      expect(sample(custom.get('jawOpen')!, times[10])[0]).not.toBeCloseTo(sample(custom.get('jawOpen')!, times[20])[0], 2);

      const lookAt = animation.lookAtTrack!;
      const gazeOf = (i: number) => gazeRotation([0, 0, 0, 1], frames[i].face!.gaze.left.yaw, frames[i].face!.gaze.left.pitch);
      expect(worstAngleDeg(gazeOf, (i) => sample(lookAt, times[i]))).toBeLessThan(MAX_ROTATION_ERROR_DEG);
    });
  });
});

describe('rigcast export --bvh', () => {
  let parsed: ReturnType<BVHLoader['parse']>;
  beforeAll(() => {
    parsed = new BVHLoader().parse(readFileSync(harness.path('show.bvh'), 'utf8'));
  });

  it("is the default avatar's T-pose skeleton, in centimetres", () => {
    const skeleton = createSkeleton();
    expect(parsed.skeleton.bones.map((b) => b.name).filter((name) => name !== 'ENDSITE').sort()).toEqual(skeleton.bones.map((b) => b.name).sort());
    for (const bone of parsed.skeleton.bones) {
      if (bone.name === 'ENDSITE' || bone.name === 'hips') continue;
      const source = skeleton.bones[skeleton.index(bone.name)];
      const parent = skeleton.bones[source.parent].position;
      expect(bone.position.toArray().map((v) => v / 100)).toEqual(source.position.map((v, k) => expect.closeTo(v - parent[k], 6)));
    }
  });

  it('has one frame per 1/30 s, and every joint turns as the avatar page shows the recording, within 0.1°', () => {
    const tracks = new Map(parsed.clip.tracks.filter((t) => t.name.endsWith('.quaternion')).map((t) => [t.name.replace('.quaternion', ''), t]));
    expect(tracks.get('head')!.times).toHaveLength(FRAMES);
    let worst = 0;
    for (const [bone, track] of tracks) {
      if (bone.endsWith('Eye')) continue;
      worst = Math.max(worst, worstAngleDeg((i) => poseRotation(poses[i], bone as HumanoidBoneName), (i) => track.values.subarray(i * 4, i * 4 + 4)));
    }
    const eyes = worstAngleDeg(
      (i) => gazeRotation([0, 0, 0, 1], frames[i].face!.gaze.left.yaw, frames[i].face!.gaze.left.pitch),
      (i) => tracks.get('leftEye')!.values.subarray(i * 4, i * 4 + 4),
    );
    console.log(`BVH joint rotations against the recording's poses: at most ${worst.toFixed(5)}°; eyes against the gaze: ${eyes.toFixed(5)}°`);
    expect(worst).toBeLessThan(0.1);
    expect(eyes).toBeLessThan(0.1);
    // The head turns: the file is not a still pose.
    expect(quatAngleBetween(tracks.get('head')!.values.subarray(0, 4), tracks.get('head')!.values.subarray(60 * 4, 61 * 4)) / DEG).toBeGreaterThan(5);
  });
});

describe('rigcast export --jsonl', () => {
  it('writes a header line and a line per frame, which the command reads back as the same recording', async () => {
    const lines = readFileSync(harness.path('show.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(FRAMES + 1);
    expect(JSON.parse(lines[0])).toMatchObject({ format: 'rigcast-recording', version: 1, frames: FRAMES });
    expect(JSON.parse(lines[1]).frame.face.blendshapes).toHaveProperty('jawOpen');
    const again = await finished(harness.rigcast(['export', harness.path('show.jsonl'), '--jsonl', harness.path('again.jsonl')]));
    expect(again.code).toBe(0);
    expect(readFileSync(harness.path('again.jsonl'), 'utf8')).toBe(readFileSync(harness.path('show.jsonl'), 'utf8'));
  });
});
