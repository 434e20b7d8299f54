import { ARKIT_BLENDSHAPE_COUNT } from '../names/ARKitBlendshapeName.js';
import { BODY_PART_NAMES } from '../names/BodyPartName.js';
import { HUMANOID_BONE_NAMES } from '../names/HumanoidBoneName.js';
import { RIG_EXPRESSION_NAMES } from '../names/VRMExpressionPresetName.js';

/**
 * The binary RigFrame, version 1. All multi-byte fields are little-endian.
 *
 * | field            | type                 | notes                                                     |
 * |------------------|----------------------|-----------------------------------------------------------|
 * | version          | u8                   | {@link FRAME_FORMAT_VERSION}                              |
 * | presence         | u8                   | bit 0 face, bit 1 body; other bits must be 0              |
 * | seq              | u32                  |                                                           |
 * | time             | f64                  | finite, ≥ 0                                               |
 * | face (if bit 0)  |                      |                                                           |
 * |   head           | quat48               | smallest-three, 15 bits a component                       |
 * |   headPosition   | 3 × i16              | units of {@link POSITION_UNIT_M} (0.1 mm), ±3.27 m        |
 * |   blendshapes    | 52 × u8              | weight × 255, ARKit order                                 |
 * |   expressions    | 13 × u8              | weight × 255, {@link RIG_EXPRESSION_NAMES} order          |
 * |   gaze           | 4 × i16              | left yaw, left pitch, right yaw, right pitch; 1e-4 rad    |
 * |   confidence     | u8                   | × 255                                                     |
 * | body (if bit 1)  |                      |                                                           |
 * |   boneMask       | 7 × u8               | bit i ↔ HUMANOID_BONE_NAMES[i]; bit 55 must be 0          |
 * |   partConfidence | 7 × u8               | × 255, BODY_PART_NAMES order                              |
 * |   bones          | popcount × quat48    | in mask order                                             |
 *
 * Error bounds (tested in `tests/codec.test.ts`):
 * - rotations: ≤ {@link MAX_ROTATION_ERROR_DEG}° (measured ≈ 0.006°, bound is 0.1°);
 * - weights and confidences: ≤ 1/510 (half a step of 1/255);
 * - positions: ≤ 0.05 mm within ±{@link MAX_POSITION_M} m;
 * - gaze: ≤ 0.5e-4 rad within ±π/2.
 */
export const FRAME_FORMAT_VERSION = 1;

export const PresenceBit = { Face: 1 << 0, Body: 1 << 1 } as const;
export const KNOWN_PRESENCE_BITS = PresenceBit.Face | PresenceBit.Body;

export const HEADER_BYTES = 1 + 1 + 4 + 8;
/** Byte offsets of the header fields after the version byte: presence (u8), `seq` (u32), `time` (f64). */
export const PRESENCE_OFFSET = 1;
export const SEQ_OFFSET = 2;
export const TIME_OFFSET = 6;
export const QUAT_BYTES = 6;
export const POSITION_UNIT_M = 1e-4;
export const MAX_POSITION_M = 32767 * POSITION_UNIT_M;
export const GAZE_UNIT_RAD = 1e-4;
export const MAX_GAZE_RAD = Math.PI / 2;
export const WEIGHT_STEPS = 255;
export const MAX_ROTATION_ERROR_DEG = 0.1;

export const EXPRESSION_COUNT = RIG_EXPRESSION_NAMES.length;
export const FACE_BYTES =
  QUAT_BYTES + 3 * 2 + ARKIT_BLENDSHAPE_COUNT + EXPRESSION_COUNT + 4 * 2 + 1;

export const BONE_COUNT = HUMANOID_BONE_NAMES.length;
export const BONE_MASK_BYTES = Math.ceil(BONE_COUNT / 8);
export const PART_COUNT = BODY_PART_NAMES.length;
export const BODY_FIXED_BYTES = BONE_MASK_BYTES + PART_COUNT;

/** The largest valid frame: face plus every bone. Anything longer is rejected unread. */
export const MAX_FRAME_BYTES = HEADER_BYTES + FACE_BYTES + BODY_FIXED_BYTES + BONE_COUNT * QUAT_BYTES;
