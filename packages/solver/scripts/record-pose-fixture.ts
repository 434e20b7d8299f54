/**
 * Records PoseLandmarker results (world and image landmarks, visibility) for every frame of a
 * video into a compact fixture.
 *
 *   pnpm record:pose-fixture [--image-mode] [--full] [video] [out]
 *
 * Defaults: `../shared/media/body/arm-raise-thumbs-up.mp4` through `pose_landmarker_lite`, VIDEO
 * mode → `packages/solver/fixtures/arm-raise-pose.rcpf.gz`. `--image-mode` detects every frame on
 * its own (no MediaPipe temporal smoothing: the raw detector noise) → `arm-raise-pose-image-mode.rcpf.gz`;
 * `--full` uses `pose_landmarker_full`. PoseLandmarker runs on the CPU in Debian Chromium (see
 * recordVideoInChromium.ts). No network.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedPath } from '../../../test/support/sharedData';
import { encodePoseFixture, type RawPoseFrame } from '../src/fixture/PoseFixture';
import { ARM_RAISE_POSE_FIXTURE_PATH, ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH } from '../src/fixture/loadPoseFixture';
import { recordVideoInChromium } from './recordVideoInChromium';

/** The clip's frame rate (DATA.md: 25 fps, 195 frames). */
const FPS = 25;

const args = process.argv.slice(2);
const imageMode = args.includes('--image-mode');
const model = args.includes('--full') ? 'pose_landmarker_full' : 'pose_landmarker_lite';
const positional = args.filter((a) => !a.startsWith('--'));
const videoPath = resolve(positional[0] ?? sharedPath('media/body/arm-raise-thumbs-up.mp4'));
const outPath = resolve(positional[1] ?? (imageMode ? ARM_RAISE_POSE_IMAGE_MODE_FIXTURE_PATH : ARM_RAISE_POSE_FIXTURE_PATH));
const runningMode = imageMode ? 'IMAGE' : 'VIDEO';

const pageCode = `
const landmarker = await vision.PoseLandmarker.createFromOptions(fileset, {
  baseOptions: { modelAssetPath: '/model.task', delegate: 'CPU' },
  runningMode: '${runningMode}', numPoses: 1,
});
async function detect(i, timestampMs) {
  const r = '${runningMode}' === 'VIDEO' ? landmarker.detectForVideo(video, timestampMs) : landmarker.detect(video);
  if (!r.worldLandmarks.length) return null;
  return {
    world: r.worldLandmarks[0].flatMap((p) => [p.x, p.y, p.z]),
    image: r.landmarks[0].flatMap((p) => [p.x, p.y, p.z]),
    visibility: r.landmarks[0].map((p) => p.visibility ?? 0),
  };
}`;

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`${model}, ${runningMode} mode`);
  const video = await recordVideoInChromium<RawPoseFrame>({ videoPath, modelPath: sharedPath(`models/${model}.task`), fps: FPS, pageCode });
  const missing = video.frames.filter((f) => !f).length;
  const packed = encodePoseFixture(video.frames, video.width, video.height, FPS);
  const gz = gzipSync(packed, { level: 9 });
  writeFileSync(outPath, gz);
  console.log(`${video.frames.length} frames (${missing} without a pose) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outPath} (${(gz.length / 1024).toFixed(1)} KB, ${(packed.length / 1024).toFixed(1)} KB before gzip)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
