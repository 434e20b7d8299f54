/**
 * Where a model's landmarks sit in its rest pose, in world metres. Framing is computed from
 * these, so it adapts to any model's size and proportions.
 */
export interface AvatarBounds {
  /** Height of the head bone (roughly where head meets neck). */
  headY: number;
  /** Height of the hips bone. */
  hipsY: number;
  /** Highest point of the model (top of the head or hair). */
  topY: number;
  /** Lowest point (the soles). */
  bottomY: number;
  /** The head's X and Z: the camera looks at the head's vertical line. */
  centerX: number;
  centerZ: number;
}
