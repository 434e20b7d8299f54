import type { QuatIn, QuatOut } from '@rigcast/math';
import {
  HUMANOID_BONE_NAMES,
  MEDIAPIPE_INDEX_TO_ARKIT,
  arkitBlendshapeIndex,
  humanoidBoneIndex,
  type Vec3,
} from '@rigcast/protocol';

/**
 * Mirroring, in one place, for the face, the body and the hands.
 *
 * The solver works in the **camera's** space until its last step: right-handed, +X toward the
 * image's right (the subject's left), +Y up, +Z from the face toward the camera. That is also the
 * avatar's space (avatar faces +Z, its left at +X) when the avatar copies the subject as seen by
 * the camera. The last step maps camera space to the output with one switch, `mirror`:
 *
 * - `mirror: false` — the avatar moves like the subject: the subject's left eye drives the
 *   avatar's left eye, a turn to the subject's left turns the avatar to its left.
 * - `mirror: true` (the default) — the avatar is the subject's mirror image, like a selfie
 *   preview: the reflection `x → −x`. Rotations become `(x, y, z, w) → (x, −y, −z, w)`,
 *   positions `(x, y, z) → (−x, y, z)`, gaze yaw changes sign, and every Left/Right pair swaps
 *   (blendshape names, blinks, eyes, and bones: the subject's right arm drives the avatar's left).
 *
 * Nothing else in the solver knows about mirroring.
 */
export const Mirror = {
  /** Writes the output rotation for the camera-space rotation `q`. */
  rotation<T extends QuatOut>(out: T, q: QuatIn, mirror: boolean): T {
    out[0] = q[0];
    out[1] = mirror ? -q[1] : q[1];
    out[2] = mirror ? -q[2] : q[2];
    out[3] = q[3];
    return out;
  },

  /** Writes the output position for the camera-space position `p`. */
  position(out: Vec3, p: ArrayLike<number>, mirror: boolean): Vec3 {
    out[0] = mirror ? -p[0] : p[0];
    out[1] = p[1];
    out[2] = p[2];
    return out;
  },

  /** The output yaw (radians, > 0 toward the avatar's left) for a camera-space yaw (> 0 toward +X). */
  yaw(yaw: number, mirror: boolean): number {
    return mirror ? -yaw : yaw;
  },

  /**
   * Which of the subject's eyes drives the avatar's left eye: `true` for the subject's left.
   * (The avatar's right eye takes the other one.)
   */
  avatarLeftIsSubjectLeft(mirror: boolean): boolean {
    return !mirror;
  },

  /**
   * For each MediaPipe blendshape index, the ARKit wire index it writes to (−1 for `_neutral`).
   * Mirrored, Left and Right swap: the subject's `eyeBlinkLeft` becomes the avatar's `eyeBlinkRight`.
   */
  blendshapeTargets(mirror: boolean): Int16Array {
    return mirror ? MIRRORED_TARGETS : DIRECT_TARGETS;
  },

  /**
   * For each humanoid bone's wire index, the wire index it writes to: itself unmirrored; its
   * other-side twin mirrored (`leftUpperArm` ↔ `rightUpperArm`; centre bones stay).
   */
  boneTargets(mirror: boolean): Int16Array {
    return mirror ? MIRRORED_BONES : DIRECT_BONES;
  },
} as const;

function swapSides(name: string): string {
  if (name.endsWith('Left')) return name.slice(0, -'Left'.length) + 'Right';
  if (name.endsWith('Right')) return name.slice(0, -'Right'.length) + 'Left';
  return name;
}

function swapBoneSide(name: string): string {
  if (name.startsWith('left')) return `right${name.slice('left'.length)}`;
  if (name.startsWith('right')) return `left${name.slice('right'.length)}`;
  return name;
}

function targets(mirror: boolean): Int16Array {
  const table = new Int16Array(MEDIAPIPE_INDEX_TO_ARKIT.length).fill(-1);
  MEDIAPIPE_INDEX_TO_ARKIT.forEach((name, i) => {
    if (name === null) return;
    const index = arkitBlendshapeIndex(mirror ? swapSides(name) : name);
    if (index < 0) throw new Error(`no ARKit blendshape for ${name} (mirror ${mirror}): the name tables disagree`);
    table[i] = index;
  });
  return table;
}

const DIRECT_TARGETS = targets(false);
const MIRRORED_TARGETS = targets(true);
const DIRECT_BONES = Int16Array.from(HUMANOID_BONE_NAMES, (_, i) => i);
const MIRRORED_BONES = Int16Array.from(HUMANOID_BONE_NAMES, (name) => humanoidBoneIndex(swapBoneSide(name)));
