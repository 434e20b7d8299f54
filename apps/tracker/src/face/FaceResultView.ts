import { MEDIAPIPE_BLENDSHAPE_NAMES } from '@rigcast/protocol';
import {
  BLENDSHAPE_COUNT,
  FACE_LANDMARK_COUNT,
  LANDMARK_STRIDE,
  MATRIX_SIZE,
  type PackedFaceArrays,
  type PackedFaceInfo,
} from './packFaceResult';

/** A landmark as the solver reads it. */
export interface LandmarkPoint {
  x: number;
  y: number;
  z: number;
}

/** A blendshape category as the solver reads it. */
export interface BlendshapeCategory {
  score: number;
  categoryName: string;
  index: number;
}

/**
 * A MediaPipe-shaped result (structurally a `FaceLandmarkerResult`) that is allocated once and
 * refilled from packed arrays for every frame, so that solving a frame allocates nothing.
 */
export class FaceResultView {
  /** `[landmarks]` when a face was found, else empty. */
  faceLandmarks: LandmarkPoint[][] = [];
  /** `[{ categories }]` when blendshapes came with the face, else empty. */
  faceBlendshapes: { categories: BlendshapeCategory[] }[] = [];
  /** `[matrix]` when the transformation matrix came with the face, else empty. */
  facialTransformationMatrixes: { rows: number; columns: number; data: Float32Array }[] = [];

  private readonly landmarks: LandmarkPoint[] = [];
  private readonly faceList: LandmarkPoint[][] = [this.landmarks];
  private readonly categories: BlendshapeCategory[] = [];
  private readonly blendshapeList: { categories: BlendshapeCategory[] }[] = [{ categories: this.categories }];
  private readonly matrix = { rows: MATRIX_SIZE, columns: MATRIX_SIZE, data: new Float32Array(MATRIX_SIZE * MATRIX_SIZE) };
  private readonly matrixList = [this.matrix];
  private readonly empty: never[] = [];

  constructor() {
    for (let i = 0; i < FACE_LANDMARK_COUNT; i++) this.landmarks.push({ x: 0, y: 0, z: 0 });
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) {
      this.categories.push({ score: 0, categoryName: MEDIAPIPE_BLENDSHAPE_NAMES[i], index: i });
    }
    this.clear();
  }

  /** True when the last {@link update} had a face. */
  get hasFace(): boolean {
    return this.faceLandmarks.length > 0;
  }

  /** The landmarks of the face, valid while {@link hasFace}. */
  get points(): readonly LandmarkPoint[] {
    return this.landmarks;
  }

  /** Shows no face. */
  clear(): void {
    this.faceLandmarks = this.empty;
    this.faceBlendshapes = this.empty;
    this.facialTransformationMatrixes = this.empty;
  }

  /** Refills the view from a packed result. Allocates nothing. */
  update(arrays: PackedFaceArrays, info: PackedFaceInfo): void {
    if (!info.hasFace) {
      this.clear();
      return;
    }
    const source = arrays.landmarks;
    for (let i = 0, o = 0; i < FACE_LANDMARK_COUNT; i++, o += LANDMARK_STRIDE) {
      const point = this.landmarks[i];
      point.x = source[o];
      point.y = source[o + 1];
      point.z = source[o + 2];
    }
    this.faceLandmarks = this.faceList;
    if (info.hasBlendshapes) {
      for (let i = 0; i < BLENDSHAPE_COUNT; i++) this.categories[i].score = arrays.blendshapes[i];
      this.faceBlendshapes = this.blendshapeList;
    } else {
      this.faceBlendshapes = this.empty;
    }
    if (info.hasMatrix) {
      this.matrix.data.set(arrays.matrix);
      this.facialTransformationMatrixes = this.matrixList;
    } else {
      this.facialTransformationMatrixes = this.empty;
    }
  }
}
