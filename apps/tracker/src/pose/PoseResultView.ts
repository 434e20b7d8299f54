import { POSE_LANDMARK_COUNT, PoseLandmarkIndex, type PoseLandmarkLike, type PoseLandmarkerResultLike, type PoseWristsLike } from '@rigcast/solver';
import { POSE_LANDMARK_STRIDE, type PackedPoseArrays, type PackedPoseInfo } from './packPoseResult';

/** A landmark the view refills; `visibility` and `presence` are left out when MediaPipe gave none. */
interface ViewLandmark extends PoseLandmarkLike {
  visibility: number | undefined;
  presence: number | undefined;
}

function landmarks(): ViewLandmark[] {
  return Array.from({ length: POSE_LANDMARK_COUNT }, () => ({ x: 0, y: 0, z: 0, visibility: undefined, presence: undefined }));
}

/** A packed score, or undefined for the `NaN` that stands for none. */
function score(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/**
 * A MediaPipe-shaped pose result (a {@link PoseLandmarkerResultLike}, what the body solver reads),
 * allocated once and refilled from packed arrays for every frame, so that solving allocates
 * nothing. It also gives the subject's wrists in the image, for matching hands to arms.
 */
export class PoseResultView implements PoseLandmarkerResultLike {
  landmarks: readonly (readonly PoseLandmarkLike[])[] = [];
  worldLandmarks: readonly (readonly PoseLandmarkLike[])[] = [];
  private readonly image = landmarks();
  private readonly world = landmarks();
  private readonly imageList = [this.image];
  private readonly worldList = [this.world];
  private readonly empty: never[] = [];
  private readonly wristsView: PoseWristsLike = { left: null, right: null, aspect: 1 };

  /** True when the last {@link update} had a pose. */
  get hasPose(): boolean {
    return this.landmarks.length > 0;
  }

  /** The pose's image landmarks, valid while {@link hasPose}. */
  get points(): readonly PoseLandmarkLike[] {
    return this.image;
  }

  /** Shows no pose. */
  clear(): void {
    this.landmarks = this.empty;
    this.worldLandmarks = this.empty;
  }

  /** Refills the view from a packed result. Allocates nothing. */
  update(arrays: PackedPoseArrays, info: PackedPoseInfo): void {
    if (!info.hasPose) {
      this.clear();
      return;
    }
    for (let i = 0, o = 0; i < POSE_LANDMARK_COUNT; i++, o += POSE_LANDMARK_STRIDE) {
      const seen = this.image[i];
      seen.x = arrays.image[o];
      seen.y = arrays.image[o + 1];
      seen.z = arrays.image[o + 2];
      seen.visibility = score(arrays.visibility[i]);
      seen.presence = score(arrays.presence[i]);
      const point = this.world[i];
      point.x = arrays.world[o];
      point.y = arrays.world[o + 1];
      point.z = arrays.world[o + 2];
      point.visibility = seen.visibility;
      point.presence = seen.presence;
    }
    this.landmarks = this.imageList;
    this.worldLandmarks = this.worldList;
  }

  /**
   * The subject's wrists in a `width` × `height` image (PoseLandmarker's left and right wrist), or
   * null with no pose. The object is reused from call to call.
   */
  wrists(width: number, height: number): PoseWristsLike | null {
    if (!this.hasPose) return null;
    const view = this.wristsView;
    view.left = this.image[PoseLandmarkIndex.LeftWrist];
    view.right = this.image[PoseLandmarkIndex.RightWrist];
    view.aspect = height > 0 ? width / height : 1;
    return view;
  }
}
