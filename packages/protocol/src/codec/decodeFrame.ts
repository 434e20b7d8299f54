import { createNeutralBlendshapes, createNeutralExpressions } from '../frame/createNeutralFrame.js';
import type { BodyRig, FaceRig, Quat, RigFrame } from '../frame/RigFrame.js';
import { ARKIT_BLENDSHAPE_NAMES } from '../names/ARKitBlendshapeName.js';
import { BODY_PART_NAMES, type BodyPartName } from '../names/BodyPartName.js';
import { HUMANOID_BONE_NAMES } from '../names/HumanoidBoneName.js';
import { RIG_EXPRESSION_NAMES } from '../names/VRMExpressionPresetName.js';
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
  PresenceBit,
  QUAT_BYTES,
  WEIGHT_STEPS,
} from './FrameLayout.js';
import { readQuat48 } from './quat48.js';

function asBytes(input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new FrameDecodeError(FrameDecodeReason.NotBinary, `expected binary data, got ${describe(input)}`);
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

function readQuat(view: DataView, offset: number, field: string): Quat {
  const q: Quat = [0, 0, 0, 1];
  if (!readQuat48(view, offset, q)) throw new FrameDecodeError(FrameDecodeReason.BadValue, `${field} is not a unit quaternion`);
  return q;
}

function readGaze(view: DataView, offset: number, field: string): number {
  const angle = view.getInt16(offset, true) * GAZE_UNIT_RAD;
  if (Math.abs(angle) > MAX_GAZE_RAD + GAZE_UNIT_RAD) {
    throw new FrameDecodeError(FrameDecodeReason.BadValue, `${field} ${angle.toFixed(3)} rad is beyond ±π/2`);
  }
  return angle;
}

function readFace(bytes: Uint8Array, view: DataView, start: number): FaceRig {
  let offset = start;
  const head = readQuat(view, offset, 'face.head');
  offset += QUAT_BYTES;
  const headPosition: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < 3; i++, offset += 2) headPosition[i] = view.getInt16(offset, true) * POSITION_UNIT_M;
  const blendshapes = createNeutralBlendshapes();
  for (const name of ARKIT_BLENDSHAPE_NAMES) blendshapes[name] = bytes[offset++] / WEIGHT_STEPS;
  const expressions = createNeutralExpressions();
  for (const name of RIG_EXPRESSION_NAMES) expressions[name] = bytes[offset++] / WEIGHT_STEPS;
  const gaze = {
    left: { yaw: readGaze(view, offset, 'face.gaze.left.yaw'), pitch: readGaze(view, offset + 2, 'face.gaze.left.pitch') },
    right: { yaw: readGaze(view, offset + 4, 'face.gaze.right.yaw'), pitch: readGaze(view, offset + 6, 'face.gaze.right.pitch') },
  };
  offset += 8;
  const confidence = bytes[offset] / WEIGHT_STEPS;
  return { head, headPosition, blendshapes, expressions, gaze, confidence };
}

function readBody(bytes: Uint8Array, view: DataView, start: number): BodyRig {
  let offset = start + BONE_MASK_BYTES;
  const confidence = {} as Record<BodyPartName, number>;
  for (const part of BODY_PART_NAMES) confidence[part] = bytes[offset++] / WEIGHT_STEPS;
  const bones: BodyRig['bones'] = {};
  for (let index = 0; index < BONE_COUNT; index++) {
    if ((bytes[start + (index >> 3)] & (1 << (index & 7))) === 0) continue;
    const name = HUMANOID_BONE_NAMES[index];
    bones[name] = readQuat(view, offset, `body.bones.${name}`);
    offset += QUAT_BYTES;
  }
  return { bones, confidence };
}

/**
 * Decodes and validates a binary RigFrame. Decoding is validation: bytes that are not binary,
 * truncated, oversized, of an unknown version, or that hold values no encoder could write
 * throw {@link FrameDecodeError} with a `reason`. No other exception escapes.
 * @example
 * try { apply(decodeFrame(bytes)); } catch (e) { if (e instanceof FrameDecodeError) warn(e.reason); }
 */
export function decodeFrame(input: unknown): RigFrame {
  const bytes = asBytes(input);
  if (bytes.byteLength > MAX_FRAME_BYTES) {
    throw new FrameDecodeError(FrameDecodeReason.Oversized, `${bytes.byteLength} bytes, the largest frame is ${MAX_FRAME_BYTES}`);
  }
  if (bytes.byteLength < HEADER_BYTES) {
    throw new FrameDecodeError(FrameDecodeReason.Truncated, `${bytes.byteLength} bytes, a header alone is ${HEADER_BYTES}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[0];
  if (version !== FRAME_FORMAT_VERSION) {
    throw new FrameDecodeError(FrameDecodeReason.UnknownVersion, `version ${version}, this build reads ${FRAME_FORMAT_VERSION}`);
  }
  const presence = bytes[1];
  if ((presence & ~KNOWN_PRESENCE_BITS) !== 0) {
    throw new FrameDecodeError(FrameDecodeReason.BadFlags, `presence byte 0x${presence.toString(16)} has unknown bits`);
  }
  const seq = view.getUint32(2, true);
  const time = view.getFloat64(6, true);
  if (!Number.isFinite(time) || time < 0) {
    throw new FrameDecodeError(FrameDecodeReason.BadValue, `time ${time} is not a finite, non-negative number`);
  }

  const hasFace = (presence & PresenceBit.Face) !== 0;
  const hasBody = (presence & PresenceBit.Body) !== 0;
  const bodyStart = HEADER_BYTES + (hasFace ? FACE_BYTES : 0);
  let expected = bodyStart;
  if (hasBody) {
    if (bytes.byteLength < bodyStart + BODY_FIXED_BYTES) {
      throw new FrameDecodeError(FrameDecodeReason.Truncated, `${bytes.byteLength} bytes ends inside the body header`);
    }
    const lastMaskByte = bytes[bodyStart + BONE_MASK_BYTES - 1];
    if (lastMaskByte >> (BONE_COUNT - (BONE_MASK_BYTES - 1) * 8) !== 0) {
      throw new FrameDecodeError(FrameDecodeReason.BadFlags, 'bone mask names a bone beyond the 55 humanoid bones');
    }
    expected += BODY_FIXED_BYTES + popcount(bytes, bodyStart, BONE_MASK_BYTES) * QUAT_BYTES;
  }
  if (bytes.byteLength < expected) {
    throw new FrameDecodeError(FrameDecodeReason.Truncated, `${bytes.byteLength} bytes, this frame needs ${expected}`);
  }
  if (bytes.byteLength > expected) {
    throw new FrameDecodeError(FrameDecodeReason.Oversized, `${bytes.byteLength} bytes, this frame needs ${expected}`);
  }

  const frame: RigFrame = { seq, time };
  if (hasFace) frame.face = readFace(bytes, view, HEADER_BYTES);
  if (hasBody) frame.body = readBody(bytes, view, bodyStart);
  return frame;
}

/** The result form of {@link decodeFrame}, for callers that prefer no try/catch. */
export type DecodeResult = { ok: true; frame: RigFrame } | { ok: false; error: FrameDecodeError };

/** {@link decodeFrame} that returns a result instead of throwing. */
export function tryDecodeFrame(input: unknown): DecodeResult {
  try {
    return { ok: true, frame: decodeFrame(input) };
  } catch (error) {
    if (error instanceof FrameDecodeError) return { ok: false, error };
    return { ok: false, error: new FrameDecodeError(FrameDecodeReason.BadValue, String(error)) };
  }
}
