import { decodePoseFixture, encodePoseFixture, type PoseFixture, type RawPoseFrame } from '../../fixture/PoseFixture';
import { loadPoseFixture } from '../../fixture/loadPoseFixture';
import { PoseLandmarkIndex as P } from '../PoseLandmarkIndex';

/** Where the added legs' landmarks sit: [left index, x, y (down), z] in metres; the right leg mirrors x. */
const LEGS: readonly [number, number, number, number][] = [
  [P.LeftKnee, 0.1, 0.45, -0.03],
  [P.LeftAnkle, 0.1, 0.85, 0.02],
  [P.LeftHeel, 0.1, 0.9, 0.06],
  [P.LeftFootIndex, 0.12, 0.92, -0.12],
];

/**
 * The arm-raise recording with legs added below its hips (standing, knees bending a little frame
 * by frame) and the picture zoomed out so everything is in it: full-body input for `full` mode
 * tests and benchmarks, with real upper-body motion. Made with plain arithmetic rather than the
 * FK generator (which runs the shared math on other array types, leaving V8's caches in a state
 * the tracker never sees), and passed through the fixture codec so the landmark objects have the
 * recording's shapes, as MediaPipe's all have one.
 */
export function fullBodyFromRecording(): PoseFixture {
  const fixture = loadPoseFixture();
  const raw: RawPoseFrame[] = fixture.frames.map(({ result }, frame) => {
    const world = result.worldLandmarks[0].flatMap((p) => [p.x, p.y, p.z]);
    const image = result.landmarks[0].flatMap((p) => [0.5 + (p.x - 0.5) * 0.4, 0.2 + p.y * 0.3, p.z]);
    const visibility = result.worldLandmarks[0].map((p) => p.visibility ?? 0);
    const bend = 0.04 * Math.sin(frame / 9);
    for (const [left, x, y, z] of LEGS) {
      for (const [index, side] of [[left, 1], [left + 1, -1]] as const) {
        const knee = index === P.LeftKnee || index === P.RightKnee;
        world.splice(index * 3, 3, side * x, y, z - bend * (knee ? 2 : 1));
        image.splice(index * 3, 3, 0.5 + side * x * 0.4, 0.5 + y * 0.4, 0);
        visibility[index] = 0.95;
      }
    }
    return { world, image, visibility };
  });
  return decodePoseFixture(encodePoseFixture(raw, fixture.width, fixture.height, fixture.fps));
}
