import { ramp } from '@rigcast/math';
import { cameraPointFromMediaPipe } from '../space/cameraPointFromMediaPipe';
import { BodySide } from './BodySide';
import { POSE_LANDMARK_COUNT, PoseLandmarkIndex as P } from './PoseLandmarkIndex';
import type { PoseLandmarkLike, PoseLandmarkerResultLike } from './PoseLandmarkerResultLike';

/**
 * How far inside the image (fraction of its size) a landmark must be to count fully as in the
 * frame: at the border it counts 0, so a wrist leaving the bottom of the picture fades out. When
 * an arm is below the picture MediaPipe still guesses it, sometimes a wrist just inside the edge
 * (2 % in the arm-raise recording, with visibility 0.57): 5 % keeps such guesses out.
 */
export const IN_FRAME_MARGIN = 0.05;

const SIDE_LANDMARKS = {
  elbow: [P.LeftElbow, P.RightElbow],
  wrist: [P.LeftWrist, P.RightWrist],
  shoulder: [P.LeftShoulder, P.RightShoulder],
  hip: [P.LeftHip, P.RightHip],
  knee: [P.LeftKnee, P.RightKnee],
  ankle: [P.LeftAnkle, P.RightAnkle],
  heel: [P.LeftHeel, P.RightHeel],
  footIndex: [P.LeftFootIndex, P.RightFootIndex],
} as const;

const score = (value: number | undefined): number => (value === undefined ? 1 : Number.isFinite(value) ? value : 0);

/** Offsets of the part scores in {@link PoseObservation.scores}. @internal */
export const PartScore = { Torso: 0, LeftArm: 1, RightArm: 2, LeftLeg: 3, RightLeg: 4 } as const;

/**
 * One pose read from a PoseLandmarker result: the world landmarks in the solver's camera space
 * (see {@link cameraPointFromMediaPipe}) and, per landmark, how much it can be trusted. Reading
 * allocates nothing: {@link points} are views made once. @internal
 */
export class PoseObservation {
  /** Camera-space position of each landmark (metres, origin at the hip centre). */
  readonly points: readonly Float64Array[];
  /** `min(visibility, presence)` of each landmark (1 when MediaPipe gives neither). */
  readonly visibility = new Float64Array(POSE_LANDMARK_COUNT);
  /** How far each landmark is inside the image, 0 (at or past the border) … 1 (see {@link IN_FRAME_MARGIN}). */
  readonly inFrame = new Float64Array(POSE_LANDMARK_COUNT);
  /**
   * Each part's score in [0, 1] after {@link read}, at the offsets of {@link PartScore}: kept here
   * rather than returned, since a number returned from a call the optimizer does not inline gets boxed.
   */
  readonly scores = new Float64Array(5);
  private readonly _buffer = new Float64Array(POSE_LANDMARK_COUNT * 3);

  constructor() {
    this.points = Array.from({ length: POSE_LANDMARK_COUNT }, (_, i) => this._buffer.subarray(i * 3, i * 3 + 3));
  }

  /**
   * Reads the first pose of `result` and scores its parts. False (a frame without a pose) when
   * there is none, or when its world landmarks are fewer than 33 or not finite.
   *
   * The scores: the torso's, both shoulders seen and in the frame; an arm's, elbow and wrist
   * seen and the wrist in the frame (the elbow may be out of it: an arm reaching toward the
   * camera; a wrist below the picture is the desk case, where MediaPipe guesses the arm and its
   * visibility can stay above 0.5); a leg's, knee, ankle, heel and toe seen and the ankle and toe
   * in the frame.
   */
  read(result: PoseLandmarkerResultLike): boolean {
    const world = result.worldLandmarks?.[0];
    if (!world || world.length < POSE_LANDMARK_COUNT) return false;
    const image: readonly PoseLandmarkLike[] | undefined = result.landmarks?.[0];
    const hasImage = image !== undefined && image.length >= POSE_LANDMARK_COUNT;
    for (let i = 0; i < POSE_LANDMARK_COUNT; i++) {
      const w = world[i];
      if (!Number.isFinite(w.x) || !Number.isFinite(w.y) || !Number.isFinite(w.z)) return false;
      cameraPointFromMediaPipe(this.points[i], w);
      const seen = hasImage ? image[i] : w;
      this.visibility[i] = Math.max(0, Math.min(1, score(seen.visibility ?? w.visibility), score(seen.presence ?? w.presence)));
      if (hasImage) {
        const p = image[i];
        const inside = Math.min(p.x, 1 - p.x, p.y, 1 - p.y);
        this.inFrame[i] = Number.isFinite(inside) ? ramp(inside, 0, IN_FRAME_MARGIN) : 0;
      } else {
        this.inFrame[i] = 1;
      }
    }
    this.scoreParts();
    return true;
  }

  private scoreParts(): void {
    const v = this.visibility, f = this.inFrame, out = this.scores;
    const ls = P.LeftShoulder, rs = P.RightShoulder;
    out[PartScore.Torso] = Math.min(v[ls], v[rs]) * Math.min(f[ls], f[rs]);
    for (let s = 0; s < 2; s++) {
      const e = SIDE_LANDMARKS.elbow[s], w = SIDE_LANDMARKS.wrist[s];
      out[PartScore.LeftArm + s] = Math.min(v[e], v[w]) * f[w];
      const k = SIDE_LANDMARKS.knee[s], a = SIDE_LANDMARKS.ankle[s];
      const h = SIDE_LANDMARKS.heel[s], t = SIDE_LANDMARKS.footIndex[s];
      out[PartScore.LeftLeg + s] = Math.min(v[k], v[a], v[h], v[t]) * Math.min(f[a], f[t]);
    }
  }
}

/** Landmark indices per side, indexed by {@link BodySide}. @internal */
export const SIDE_LANDMARK_INDEX = SIDE_LANDMARKS;
