import { FaceLandmarkIndex } from './FaceLandmarkIndex';
import type { NormalizedLandmarkLike } from './FaceLandmarkerResultLike';

/**
 * Where each iris sits in its eye, as fractions of the eye's half-width, written into `out`:
 * `[rightX, rightY, leftX, leftY]` for the subject's right and left eye. X is along the line from
 * the subject's right eye to the left one (toward the image's right, camera +X); Y is
 * perpendicular to it, up. Using the eye line as the axis makes the offsets independent of head
 * roll. Pixel units (via `width`/`height`) keep the aspect ratio right.
 */
export function measureIrisOffsets(
  landmarks: readonly NormalizedLandmarkLike[],
  width: number,
  height: number,
  out: Float64Array,
): Float64Array {
  const rOuter = landmarks[FaceLandmarkIndex.RightEyeOuterCorner];
  const lOuter = landmarks[FaceLandmarkIndex.LeftEyeOuterCorner];
  let ax = (lOuter.x - rOuter.x) * width;
  let ay = (lOuter.y - rOuter.y) * height;
  const len = Math.sqrt(ax * ax + ay * ay) || 1;
  ax /= len;
  ay /= len;
  // Image y points down, so "up" is the eye axis turned a quarter turn counter-clockwise on screen.
  const ux = ay;
  const uy = -ax;
  offset(landmarks, FaceLandmarkIndex.RightEyeOuterCorner, FaceLandmarkIndex.RightEyeInnerCorner, FaceLandmarkIndex.RightIrisCenter, width, height, ax, ay, ux, uy, out, 0);
  offset(landmarks, FaceLandmarkIndex.LeftEyeInnerCorner, FaceLandmarkIndex.LeftEyeOuterCorner, FaceLandmarkIndex.LeftIrisCenter, width, height, ax, ay, ux, uy, out, 2);
  return out;
}

function offset(
  landmarks: readonly NormalizedLandmarkLike[],
  cornerA: number,
  cornerB: number,
  iris: number,
  width: number,
  height: number,
  ax: number,
  ay: number,
  ux: number,
  uy: number,
  out: Float64Array,
  at: number,
): void {
  const a = landmarks[cornerA];
  const b = landmarks[cornerB];
  const i = landmarks[iris];
  const cx = ((a.x + b.x) / 2) * width;
  const cy = ((a.y + b.y) / 2) * height;
  const ex = (b.x - a.x) * width;
  const ey = (b.y - a.y) * height;
  const halfWidth = Math.sqrt(ex * ex + ey * ey) / 2 || 1;
  const dx = i.x * width - cx;
  const dy = i.y * height - cy;
  out[at] = (dx * ax + dy * ay) / halfWidth;
  out[at + 1] = (dx * ux + dy * uy) / halfWidth;
}
