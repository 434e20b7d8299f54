/** A landmark in normalized image coordinates: x right, y down, both in [0, 1]; z is depth at roughly x's scale. */
export interface NormalizedLandmarkLike {
  x: number;
  y: number;
  z: number;
}

/** One blendshape score, as MediaPipe reports it. */
export interface BlendshapeCategoryLike {
  score: number;
  categoryName: string;
  index?: number;
}

/** A matrix as MediaPipe reports it: `data` is column-major. */
export interface MatrixLike {
  rows: number;
  columns: number;
  data: ArrayLike<number>;
}

/**
 * The parts of MediaPipe's `FaceLandmarkerResult` the solver reads. A real `FaceLandmarkerResult`
 * is assignable to it, so the tracker passes MediaPipe's result straight in (or a copy made in a
 * worker). Only the first face is used.
 */
export interface FaceLandmarkerResultLike {
  faceLandmarks: NormalizedLandmarkLike[][];
  faceBlendshapes?: { categories: BlendshapeCategoryLike[] }[];
  facialTransformationMatrixes?: { rows: number; columns: number; data: number[] | Float32Array }[];
}
