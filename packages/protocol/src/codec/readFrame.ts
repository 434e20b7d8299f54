import type { Quat, RigFrame } from '../frame/RigFrame.js';
import { ARKIT_BLENDSHAPE_NAMES } from '../names/ARKitBlendshapeName.js';
import { BODY_PART_NAMES } from '../names/BodyPartName.js';
import { HUMANOID_BONE_NAMES } from '../names/HumanoidBoneName.js';
import { RIG_EXPRESSION_NAMES } from '../names/VRMExpressionPresetName.js';
import type { DecodeTarget } from './DecodeTarget.js';
import { FrameDecodeError, FrameDecodeReason } from './FrameDecodeError.js';
import {
  BODY_FIXED_BYTES,
  BONE_COUNT,
  BONE_MASK_BYTES,
  FACE_BYTES,
  FRAME_FORMAT_VERSION,
  GAZE_UNIT_RAD,
  HEADER_BYTES,
  KNOWN_PRESENCE_BITS,
  MAX_FRAME_BYTES,
  MAX_GAZE_RAD,
  POSITION_UNIT_M,
  PRESENCE_OFFSET,
  PresenceBit,
  QUAT_BYTES,
  SEQ_OFFSET,
  TIME_OFFSET,
  WEIGHT_STEPS,
} from './FrameLayout.js';
import { readQuat48 } from './quat48.js';

const TIME_BYTES = 8;

/**
 * Every weight a byte can encode, as numbers created once. A frozen array keeps them as shared
 * heap numbers, so storing one into a frame's records copies a reference instead of boxing a new
 * number for each of the 65 weights of every frame.
 */
const WEIGHT_VALUES: readonly number[] = Object.freeze(Array.from({ length: WEIGHT_STEPS + 1 }, (_, step) => step / WEIGHT_STEPS));

/** Scratch for the little-endian float64 `time`, read without a DataView over the caller's bytes. */
const timeBytes = new Uint8Array(TIME_BYTES);
const timeView = new DataView(timeBytes.buffer);
/** Where rotations go when only validating. */
const scratchQuat: Quat = [0, 0, 0, 1];

function asBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return null;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input;
}

function popcount(bytes: Uint8Array, offset: number, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) {
    let b = bytes[offset + i];
    while (b) {
      count += b & 1;
      b >>= 1;
    }
  }
  return count;
}

function readInt16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] | (bytes[offset + 1] << 8)) << 16) >> 16;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

function readFloat64(bytes: Uint8Array, offset: number): number {
  for (let i = 0; i < TIME_BYTES; i++) timeBytes[i] = bytes[offset + i];
  return timeView.getFloat64(0, true);
}

function gazeAngle(bytes: Uint8Array, offset: number): number {
  return readInt16(bytes, offset) * GAZE_UNIT_RAD;
}

function gazeInRange(angle: number): boolean {
  return Math.abs(angle) <= MAX_GAZE_RAD + GAZE_UNIT_RAD;
}

function badGaze(field: string, angle: number): FrameDecodeError {
  return new FrameDecodeError(FrameDecodeReason.BadValue, `${field} ${angle.toFixed(3)} rad is beyond ±π/2`);
}

function notAUnitQuaternion(field: string): FrameDecodeError {
  return new FrameDecodeError(FrameDecodeReason.BadValue, `${field} is not a unit quaternion`);
}

/**
 * Checks the face at `start` and, when `target` is given, writes it into `target.face`.
 * Returns the first problem, or null.
 */
function readFace(bytes: Uint8Array, start: number, target: DecodeTarget | null): FrameDecodeError | null {
  const face = target?.face;
  let offset = start;
  if (!readQuat48(bytes, offset, face ? face.head : scratchQuat)) return notAUnitQuaternion('face.head');
  offset += QUAT_BYTES;
  if (face) for (let i = 0; i < 3; i++) face.headPosition[i] = readInt16(bytes, offset + i * 2) * POSITION_UNIT_M;
  offset += 3 * 2;
  if (face) {
    const { blendshapes, expressions } = face;
    for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) blendshapes[ARKIT_BLENDSHAPE_NAMES[i]] = WEIGHT_VALUES[bytes[offset + i]];
    offset += ARKIT_BLENDSHAPE_NAMES.length;
    for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) expressions[RIG_EXPRESSION_NAMES[i]] = WEIGHT_VALUES[bytes[offset + i]];
    offset += RIG_EXPRESSION_NAMES.length;
  } else {
    offset += ARKIT_BLENDSHAPE_NAMES.length + RIG_EXPRESSION_NAMES.length;
  }
  const leftYaw = gazeAngle(bytes, offset);
  if (!gazeInRange(leftYaw)) return badGaze('face.gaze.left.yaw', leftYaw);
  const leftPitch = gazeAngle(bytes, offset + 2);
  if (!gazeInRange(leftPitch)) return badGaze('face.gaze.left.pitch', leftPitch);
  const rightYaw = gazeAngle(bytes, offset + 4);
  if (!gazeInRange(rightYaw)) return badGaze('face.gaze.right.yaw', rightYaw);
  const rightPitch = gazeAngle(bytes, offset + 6);
  if (!gazeInRange(rightPitch)) return badGaze('face.gaze.right.pitch', rightPitch);
  offset += 4 * 2;
  if (face) {
    face.gaze.left.yaw = leftYaw;
    face.gaze.left.pitch = leftPitch;
    face.gaze.right.yaw = rightYaw;
    face.gaze.right.pitch = rightPitch;
    face.confidence = WEIGHT_VALUES[bytes[offset]];
  }
  return null;
}

/**
 * Checks the body at `start` (its length is already checked) and, when `target` is given,
 * writes it into `target.body`. Returns the first problem, or null.
 */
function readBody(bytes: Uint8Array, start: number, target: DecodeTarget | null): FrameDecodeError | null {
  const body = target?.body;
  let offset = start + BONE_MASK_BYTES;
  if (body) for (let i = 0; i < BODY_PART_NAMES.length; i++) body.confidence[BODY_PART_NAMES[i]] = WEIGHT_VALUES[bytes[offset + i]];
  offset += BODY_PART_NAMES.length;
  for (let index = 0; index < BONE_COUNT; index++) {
    const name = HUMANOID_BONE_NAMES[index];
    if ((bytes[start + (index >> 3)] & (1 << (index & 7))) === 0) {
      if (body) body.bones[name] = undefined;
      continue;
    }
    const rotation = target ? target.boneRotations[index] : scratchQuat;
    if (!readQuat48(bytes, offset, rotation)) return notAUnitQuaternion(`body.bones.${name}`);
    if (body) body.bones[name] = rotation;
    offset += QUAT_BYTES;
  }
  return null;
}

/**
 * The one reader of binary frames: checks `input` in full and, when `target` is given, writes the
 * frame into it. Returns the first problem as a {@link FrameDecodeError}, or null when the bytes
 * are a valid frame. Builds no objects unless it fails (or `input` is not a `Uint8Array`, which
 * needs a view). {@link validateFrame}, {@link decodeFrameInto} and {@link decodeFrame} all use
 * it, so they agree on every input.
 */
export function readFrame(input: unknown, target: DecodeTarget | null): FrameDecodeError | null {
  const bytes = asBytes(input);
  if (!bytes) return new FrameDecodeError(FrameDecodeReason.NotBinary, `expected binary data, got ${describe(input)}`);
  if (bytes.byteLength > MAX_FRAME_BYTES) {
    return new FrameDecodeError(FrameDecodeReason.Oversized, `${bytes.byteLength} bytes, the largest frame is ${MAX_FRAME_BYTES}`);
  }
  if (bytes.byteLength < HEADER_BYTES) {
    return new FrameDecodeError(FrameDecodeReason.Truncated, `${bytes.byteLength} bytes, a header alone is ${HEADER_BYTES}`);
  }
  const version = bytes[0];
  if (version !== FRAME_FORMAT_VERSION) {
    return new FrameDecodeError(FrameDecodeReason.UnknownVersion, `version ${version}, this build reads ${FRAME_FORMAT_VERSION}`);
  }
  const presence = bytes[PRESENCE_OFFSET];
  if ((presence & ~KNOWN_PRESENCE_BITS) !== 0) {
    return new FrameDecodeError(FrameDecodeReason.BadFlags, `presence byte 0x${presence.toString(16)} has unknown bits`);
  }
  const seq = readUint32(bytes, SEQ_OFFSET);
  const time = readFloat64(bytes, TIME_OFFSET);
  if (!Number.isFinite(time) || time < 0) {
    return new FrameDecodeError(FrameDecodeReason.BadValue, `time ${time} is not a finite, non-negative number`);
  }

  const hasFace = (presence & PresenceBit.Face) !== 0;
  const hasBody = (presence & PresenceBit.Body) !== 0;
  const bodyStart = HEADER_BYTES + (hasFace ? FACE_BYTES : 0);
  let expected = bodyStart;
  if (hasBody) {
    if (bytes.byteLength < bodyStart + BODY_FIXED_BYTES) {
      return new FrameDecodeError(FrameDecodeReason.Truncated, `${bytes.byteLength} bytes ends inside the body header`);
    }
    const lastMaskByte = bytes[bodyStart + BONE_MASK_BYTES - 1];
    if (lastMaskByte >> (BONE_COUNT - (BONE_MASK_BYTES - 1) * 8) !== 0) {
      return new FrameDecodeError(FrameDecodeReason.BadFlags, 'bone mask names a bone beyond the 55 humanoid bones');
    }
    expected += BODY_FIXED_BYTES + popcount(bytes, bodyStart, BONE_MASK_BYTES) * QUAT_BYTES;
  }
  if (bytes.byteLength < expected) {
    return new FrameDecodeError(FrameDecodeReason.Truncated, `${bytes.byteLength} bytes, this frame needs ${expected}`);
  }
  if (bytes.byteLength > expected) {
    return new FrameDecodeError(FrameDecodeReason.Oversized, `${bytes.byteLength} bytes, this frame needs ${expected}`);
  }

  if (hasFace) {
    const problem = readFace(bytes, HEADER_BYTES, target);
    if (problem) return problem;
  }
  if (hasBody) {
    const problem = readBody(bytes, bodyStart, target);
    if (problem) return problem;
  }
  if (target) {
    const frame: RigFrame = target.frame;
    frame.seq = seq;
    frame.time = time;
    frame.face = hasFace ? target.face : undefined;
    frame.body = hasBody ? target.body : undefined;
  }
  return null;
}
