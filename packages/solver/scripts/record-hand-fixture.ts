/**
 * Records HandLandmarker results (up to two hands) and PoseLandmarker's wrists for every frame of
 * a video into a compact fixture.
 *
 *   pnpm record:hand-fixture thumbs-up   (or: open-hand, or: <video> <out>)
 *
 * - `thumbs-up`: `../shared/media/body/arm-raise-thumbs-up.mp4` → `fixtures/arm-raise-thumbs-up-hands.rchf.gz`
 * - `open-hand`: `../shared/media/hands/hand.mp4` → `fixtures/hand-open-hands.rchf.gz`
 *
 * Two passes over the video in Debian Chromium (see recordVideoInChromium.ts), both in VIDEO mode
 * on the CPU as the tracker runs them: HandLandmarker (full, numHands 2), then PoseLandmarker lite
 * for the wrists the solver matches hands with. No network.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedPath } from '../../../test/support/sharedData';
import { encodeHandFixture, type RawHand, type RawHandFrame } from '../src/fixture/HandFixture';
import { OPEN_HAND_FIXTURE_PATH, THUMBS_UP_HAND_FIXTURE_PATH } from '../src/fixture/loadHandFixture';
import { recordVideoInChromium } from './recordVideoInChromium';

const CLIPS: Record<string, { video: string; out: string }> = {
  'thumbs-up': { video: sharedPath('media/body/arm-raise-thumbs-up.mp4'), out: THUMBS_UP_HAND_FIXTURE_PATH },
  'open-hand': { video: sharedPath('media/hands/hand.mp4'), out: OPEN_HAND_FIXTURE_PATH },
};
/** Both clips are 25 fps. */
const FPS = 25;
/** PoseLandmarker's indices of the subject's left and right wrists. */
const POSE_LEFT_WRIST = 15;
const POSE_RIGHT_WRIST = 16;

const args = process.argv.slice(2);
const preset = CLIPS[args[0] ?? ''];
if (!preset && args.length < 2) {
  console.error(`usage: record-hand-fixture.ts ${Object.keys(CLIPS).join('|')} | <video> <out>`);
  process.exit(2);
}
const videoPath = resolve(preset?.video ?? args[0]);
const outPath = resolve(preset?.out ?? args[1]);

const handsPage = `
const landmarker = await vision.HandLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/model.task', delegate: 'CPU' }, runningMode: 'VIDEO', numHands: 2,
});
const flat = (points) => points.flatMap((p) => [p.x, p.y, p.z]);
async function detect(i, timestampMs) {
  const r = landmarker.detectForVideo(video, timestampMs);
  return r.landmarks.map((points, k) => ({
    landmarks: flat(points), world: flat(r.worldLandmarks[k]),
    label: r.handedness[k][0].categoryName, score: r.handedness[k][0].score,
  }));
}`;

const posePage = `
const landmarker = await vision.PoseLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/model.task', delegate: 'CPU' }, runningMode: 'VIDEO', numPoses: 1,
});
async function detect(i, timestampMs) {
  const r = landmarker.detectForVideo(video, timestampMs);
  if (!r.landmarks.length) return null;
  const wrist = (k) => { const w = r.landmarks[0][k]; return [w.x, w.y, w.visibility ?? 1]; };
  return { left: wrist(${POSE_LEFT_WRIST}), right: wrist(${POSE_RIGHT_WRIST}) };
}`;

async function main(): Promise<void> {
  const started = Date.now();
  const hands = await recordVideoInChromium<RawHand[]>({ videoPath, modelPath: sharedPath('models/hand_landmarker.task'), fps: FPS, pageCode: handsPage });
  const pose = await recordVideoInChromium<RawHandFrame['poseWrists']>({ videoPath, modelPath: sharedPath('models/pose_landmarker_lite.task'), fps: FPS, pageCode: posePage });
  const frames: RawHandFrame[] = hands.frames.map((h, i) => ({ hands: h ?? [], poseWrists: pose.frames[i] ?? null }));
  const gz = gzipSync(encodeHandFixture(frames, hands.width, hands.height, FPS), { level: 9 });
  writeFileSync(outPath, gz);
  const withHand = frames.filter((f) => f.hands.length > 0).length;
  const withPose = frames.filter((f) => f.poseWrists).length;
  console.log(`${frames.length} frames (${withHand} with a hand, ${withPose} with a pose) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outPath} (${(gz.length / 1024).toFixed(1)} KB)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
