import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { quatAngleBetween, quatMultiply } from '@rigcast/math';
import { QUAT_STRIDE, RigPose, createPartAppliers, writeFramePose } from '@rigcast/pose';
import {
  ARKIT_BLENDSHAPE_NAMES,
  HUMANOID_BONE_NAMES,
  MAX_RECORD_BYTES,
  MAX_ROTATION_ERROR_DEG,
  RECORDING_HEADER_BYTES,
  RIG_EXPRESSION_NAMES,
  WEIGHT_STEPS,
  decodeFrame,
  encodeRecordingHeader,
  humanoidBoneIndex,
  readRecording,
  writeRecord,
} from '@rigcast/protocol';
import { encodeVrma, poseTrackFromRecording } from '@rigcast/record';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performanceBytes } from '../packages/record/src/tests/support/knownPerformance';
import { launchChromium } from './support/chromium';
import { REPO_ROOT } from './support/sharedData';

// The exported VRMA on the default avatar, in real three-vrm and three-vrm-animation: the loaders
// need a browser for the avatar's texture, so this runs in Chromium.

const FRAMES = 120;
const DEG = Math.PI / 180;
const WEIGHT_BOUND = 1 / (2 * WEIGHT_STEPS);
const ORIGIN = 'http://rigcast.test';
const fromRecord = createRequire(resolve(REPO_ROOT, 'packages/record/package.json'));
const LIB_DIRS: Record<string, string> = {
  '/three/': resolve(dirname(fromRecord.resolve('three')), '..'),
  '/three-vrm/': resolve(dirname(fromRecord.resolve('@pixiv/three-vrm')), '..'),
  '/three-vrm-animation/': resolve(dirname(fromRecord.resolve('@pixiv/three-vrm-animation')), '..'),
};
const DEFAULT_AVATAR = resolve(REPO_ROOT, 'models/rigcast-default.vrm');

const PAGE = `<!doctype html><html><head><script type="importmap">{"imports": {
  "three": "/three/build/three.module.js",
  "three/addons/": "/three/examples/jsm/",
  "@pixiv/three-vrm": "/three-vrm/lib/three-vrm.module.js",
  "@pixiv/three-vrm-animation": "/three-vrm-animation/lib/three-vrm-animation.module.js"
}}</script></head><body><script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { VRMLoaderPlugin } from '@pixiv/three-vrm';
import { VRMAnimationLoaderPlugin, VRMLookAtQuaternionProxy, createVRMAnimationClip } from '@pixiv/three-vrm-animation';
const warnings = [];
const warn = console.warn;
console.warn = (...args) => { warnings.push(args.map(String).join(' ')); warn(...args); };
window.sampleVrma = async (times, bones, expressions) => {
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser));
  loader.register((parser) => new VRMAnimationLoaderPlugin(parser));
  const vrm = (await loader.loadAsync('/avatar.vrm')).userData.vrm;
  const animation = (await loader.loadAsync('/show.vrma')).userData.vrmAnimations[0];
  const proxy = new VRMLookAtQuaternionProxy(vrm.lookAt);
  proxy.name = 'lookAtQuaternionProxy';
  vrm.scene.add(proxy);
  const clip = createVRMAnimationClip(animation, vrm);
  const mixer = new THREE.AnimationMixer(vrm.scene);
  const action = mixer.clipAction(clip);
  action.setLoop(THREE.LoopOnce, 1);
  action.clampWhenFinished = true;
  action.play();
  const samples = times.map((t) => {
    mixer.setTime(t);
    return {
      bones: bones.map((name) => vrm.humanoid.getNormalizedBoneNode(name).quaternion.toArray()),
      weights: expressions.map((name) => vrm.expressionManager.getValue(name)),
      yaw: vrm.lookAt.yaw,
      pitch: vrm.lookAt.pitch,
    };
  });
  return { samples, warnings, tracks: clip.tracks.length, duration: clip.duration };
};
window.ready = true;
</script></body></html>`;

const MIME: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('an exported VRMA on the default avatar (three-vrm-animation in Chromium)', () => {
  it('sampled at the recorded times, bones, expressions and gaze equal the recording within the codec bounds', async () => {
    const file = new Uint8Array(RECORDING_HEADER_BYTES + FRAMES * MAX_RECORD_BYTES);
    file.set(encodeRecordingHeader(Date.now()));
    let end = RECORDING_HEADER_BYTES;
    // Face and body in every frame, arriving at an uneven 45 Hz-ish pace the keys must follow.
    performanceBytes(FRAMES, true).forEach((bytes, i) => (end = writeRecord(file, end, (i * 1000) / 45 + (i % 3) * 2.5, bytes)));
    const recording = readRecording(file.subarray(0, end));
    const vrma = encodeVrma(poseTrackFromRecording(recording));
    const frames = recording.frames.map((f) => decodeFrame(f.bytes));
    const times = recording.frames.map((f) => f.arrivalMs / 1000);
    const appliers = createPartAppliers();
    const poses = frames.map((frame) => writeFramePose(frame, appliers, new RigPose()));
    // Every bone but the eyes (lookAt turns them) and the jaw (the default avatar has none).
    const boneNames = HUMANOID_BONE_NAMES.filter((name) => name !== 'leftEye' && name !== 'rightEye' && name !== 'jaw');
    const expressionNames = [...RIG_EXPRESSION_NAMES, ...ARKIT_BLENDSHAPE_NAMES];

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
      if (path === '/avatar.vrm') return route.fulfill({ body: readFileSync(DEFAULT_AVATAR) });
      if (path === '/show.vrma') return route.fulfill({ body: Buffer.from(vrma) });
      const prefix = Object.keys(LIB_DIRS).find((p) => path.startsWith(p));
      if (!prefix) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: MIME[extname(path)] ?? 'application/octet-stream', body: readFileSync(join(LIB_DIRS[prefix], path.slice(prefix.length))) });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as any).ready === true);
    const result = await page.evaluate(
      ([t, b, e]) => (window as any).sampleVrma(t, b, e),
      [times, boneNames, expressionNames] as const,
    );
    await page.close();

    expect(errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.duration).toBeCloseTo(times.at(-1)!, 5);
    // 52 bones and the hips' translation, 65 expressions, lookAt: every channel reached the avatar.
    expect(result.tracks).toBe(52 + 1 + 65 + 1);

    let boneError = 0;
    let neckHeadError = 0;
    let weightError = 0;
    let gazeError = 0;
    result.samples.forEach((sample: { bones: number[][]; weights: number[]; yaw: number; pitch: number }, i: number) => {
      boneNames.forEach((name, k) => {
        const o = humanoidBoneIndex(name) * QUAT_STRIDE;
        boneError = Math.max(boneError, quatAngleBetween(poses[i].rotations.subarray(o, o + 4), sample.bones[k]) / DEG);
      });
      const neckHead = quatMultiply([0, 0, 0, 1], sample.bones[boneNames.indexOf('neck')], sample.bones[boneNames.indexOf('head')]);
      neckHeadError = Math.max(neckHeadError, quatAngleBetween(neckHead, frames[i].face!.head) / DEG);
      const face = frames[i].face!;
      const recorded = [...RIG_EXPRESSION_NAMES.map((n) => face.expressions[n]), ...ARKIT_BLENDSHAPE_NAMES.map((n) => face.blendshapes[n])];
      recorded.forEach((w, k) => (weightError = Math.max(weightError, Math.abs(sample.weights[k] - w))));
      // three-vrm's pitch is positive downward, the RigFrame's upward.
      gazeError = Math.max(gazeError, Math.abs(sample.yaw - face.gaze.left.yaw / DEG), Math.abs(sample.pitch + face.gaze.left.pitch / DEG));
    });
    console.log(
      `VRMA on the default avatar, ${FRAMES} recorded times: bones ≤ ${boneError.toExponential(2)}°, neck·head vs the recorded head ≤ ${neckHeadError.toExponential(2)}°, ` +
        `weights ≤ ${weightError.toExponential(2)}, gaze ≤ ${gazeError.toExponential(2)}°`,
    );
    expect(boneError).toBeLessThan(MAX_ROTATION_ERROR_DEG);
    expect(neckHeadError).toBeLessThan(MAX_ROTATION_ERROR_DEG);
    expect(weightError).toBeLessThan(WEIGHT_BOUND);
    expect(gazeError).toBeLessThan(MAX_ROTATION_ERROR_DEG);
  });
});
