import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { flattenConnections } from '../detect/flattenConnections';

/**
 * Landmark index pairs to draw, flattened (`[a0, b0, a1, b1, …]`), by feature.
 * They come from MediaPipe's own connection lists, so the indices have names upstream.
 */
export interface FaceConnections {
  oval: number[];
  leftEye: number[];
  rightEye: number[];
  leftIris: number[];
  rightIris: number[];
  leftBrow: number[];
  rightBrow: number[];
  lips: number[];
}

const flatten = flattenConnections;

/** The connection lists of MediaPipe's face mesh that the overlay draws. */
export function readFaceConnections(): FaceConnections {
  return {
    oval: flatten(FaceLandmarker.FACE_LANDMARKS_FACE_OVAL),
    leftEye: flatten(FaceLandmarker.FACE_LANDMARKS_LEFT_EYE),
    rightEye: flatten(FaceLandmarker.FACE_LANDMARKS_RIGHT_EYE),
    leftIris: flatten(FaceLandmarker.FACE_LANDMARKS_LEFT_IRIS),
    rightIris: flatten(FaceLandmarker.FACE_LANDMARKS_RIGHT_IRIS),
    leftBrow: flatten(FaceLandmarker.FACE_LANDMARKS_LEFT_EYEBROW),
    rightBrow: flatten(FaceLandmarker.FACE_LANDMARKS_RIGHT_EYEBROW),
    lips: flatten(FaceLandmarker.FACE_LANDMARKS_LIPS),
  };
}
