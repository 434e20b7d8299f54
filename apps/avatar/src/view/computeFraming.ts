import { FramingPreset } from '../options';
import type { AvatarBounds } from './AvatarBounds';

/** The camera's vertical field of view, in degrees: narrow, so faces are not distorted. */
export const CAMERA_FOV_DEG = 30;

/** Empty space left above and below the framed part, as a share of its height. */
export const FRAME_MARGIN = 0.08;

/** Below the head bone, how much of the head bone → top distance the face shot includes. */
const FACE_BELOW_HEAD_SHARE = 0.55;

/** Width each preset needs, as a share of its height (so portrait windows still fit it). */
const WIDTH_SHARE: Record<FramingPreset, number> = { face: 0.9, upper: 0.75, full: 0.45 };

/** Where the camera sits and looks. */
export interface CameraPlacement {
  /** Camera position. */
  x: number;
  y: number;
  z: number;
  /** The point it looks at (straight ahead along -Z, since the avatar faces +Z). */
  targetY: number;
}

/**
 * Places the camera so that a preset's part of the avatar fills a window of the given aspect
 * (width / height): the face, head to hips, or head to toe, with {@link FRAME_MARGIN} around it.
 * In a narrow window the top stays put and more shows below.
 * Writes into `target` and returns it.
 */
export function computeFraming(
  bounds: AvatarBounds,
  preset: FramingPreset,
  aspect: number,
  target: CameraPlacement,
  fovDeg = CAMERA_FOV_DEG,
): CameraPlacement {
  const top = bounds.topY;
  let bottom: number;
  switch (preset) {
    case FramingPreset.Face:
      bottom = bounds.headY - (bounds.topY - bounds.headY) * FACE_BELOW_HEAD_SHARE;
      break;
    case FramingPreset.Full:
      bottom = bounds.bottomY;
      break;
    default:
      bottom = bounds.hipsY;
  }
  const span = Math.max(top - bottom, 1e-3);
  const height = span * (1 + 2 * FRAME_MARGIN);
  const width = span * WIDTH_SHARE[preset] * (1 + 2 * FRAME_MARGIN);
  const tanHalf = Math.tan((fovDeg * Math.PI) / 360);
  const safeAspect = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  const distance = Math.max(height / 2 / tanHalf, width / 2 / (tanHalf * safeAspect));
  // In a window too narrow for the part, the camera backs off and sees more height than needed:
  // keep the head at the top margin and let the extra show below, as a portrait shot would.
  const visibleHeight = 2 * distance * tanHalf;
  const centerY = top + span * FRAME_MARGIN - visibleHeight / 2;
  target.x = bounds.centerX;
  target.y = centerY;
  target.z = bounds.centerZ + distance;
  target.targetY = centerY;
  return target;
}
