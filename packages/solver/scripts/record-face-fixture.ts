/**
 * Records FaceLandmarker results for every frame of a video into a compact fixture.
 *
 *   pnpm record:face-fixture [--image-mode] [video] [out]
 *
 * Defaults: `../shared/media/face/selfie.mp4` → `packages/solver/fixtures/selfie-face.rcff.gz`.
 * `--image-mode` runs FaceLandmarker in IMAGE mode instead of VIDEO mode: every frame is detected
 * on its own, with none of MediaPipe's temporal smoothing (the raw detector noise), and the default
 * output is `fixtures/selfie-face-image-mode.rcff.gz`.
 * FaceLandmarker runs on the CPU in Debian Chromium (see recordVideoInChromium.ts). No network.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedPath } from '../../../test/support/sharedData';
import { FACE_LANDMARK_COUNT_WITH_IRIS } from '../src/face/FaceLandmarkIndex';
import { FACE_FIXTURE_LANDMARK_STEP_LOG2, encodeFaceFixture, type RawFaceFrame } from '../src/fixture/FaceFixture';
import { SELFIE_FACE_FIXTURE_PATH, SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH } from '../src/fixture/loadFaceFixture';
import { recordVideoInChromium } from './recordVideoInChromium';

const FPS = 30;
const BLENDSHAPE_COUNT = 52;
/** IMAGE-mode landmarks are noisier and compress worse: keep them at 2^11 steps (≈ 0.5 px) to stay small. */
const IMAGE_MODE_LANDMARK_STEP_LOG2 = 11;

const args = process.argv.slice(2);
const imageMode = args.includes('--image-mode');
const positional = args.filter((a) => !a.startsWith('--'));
const videoPath = resolve(positional[0] ?? sharedPath('media/face/selfie.mp4'));
const outPath = resolve(positional[1] ?? (imageMode ? SELFIE_FACE_IMAGE_MODE_FIXTURE_PATH : SELFIE_FACE_FIXTURE_PATH));
const runningMode = imageMode ? 'IMAGE' : 'VIDEO';

const pageCode = `
const landmarker = await vision.FaceLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/model.task', delegate: 'CPU' },
  runningMode: '${runningMode}', numFaces: 1, outputFaceBlendshapes: true, outputFacialTransformationMatrixes: true,
});
async function detect(i, timestampMs) {
  const r = '${runningMode}' === 'VIDEO' ? landmarker.detectForVideo(video, timestampMs) : landmarker.detect(video);
  if (!r.faceLandmarks.length) return null;
  return {
    landmarks: r.faceLandmarks[0].flatMap((p) => [p.x, p.y, p.z]),
    blendshapes: r.faceBlendshapes[0].categories.map((c) => c.score),
    matrix: Array.from(r.facialTransformationMatrixes[0].data),
  };
}`;

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`${runningMode} mode`);
  const video = await recordVideoInChromium<RawFaceFrame>({ videoPath, modelPath: sharedPath('models/face_landmarker.task'), fps: FPS, pageCode });
  const missing = video.frames.filter((f) => !f).length;
  const packed = encodeFaceFixture(video.frames, video.width, video.height, FPS, FACE_LANDMARK_COUNT_WITH_IRIS, BLENDSHAPE_COUNT, imageMode ? IMAGE_MODE_LANDMARK_STEP_LOG2 : FACE_FIXTURE_LANDMARK_STEP_LOG2);
  const gz = gzipSync(packed, { level: 9 });
  writeFileSync(outPath, gz);
  console.log(`${video.frames.length} frames (${missing} without a face) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outPath} (${(gz.length / 1024).toFixed(1)} KB, ${(packed.length / 1024).toFixed(1)} KB before gzip)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
