import type { RigFrame } from '../frame/RigFrame.js';
import { ARKIT_BLENDSHAPE_NAMES } from '../names/ARKitBlendshapeName.js';
import { BODY_PART_NAMES } from '../names/BodyPartName.js';
import { HUMANOID_BONE_NAMES } from '../names/HumanoidBoneName.js';
import { RIG_EXPRESSION_NAMES } from '../names/VRMExpressionPresetName.js';
import { FrameEncodeError } from './FrameDecodeError.js';
import {
  BODY_FIXED_BYTES,
  BONE_MASK_BYTES,
  FACE_BYTES,
  FRAME_FORMAT_VERSION,
  GAZE_UNIT_RAD,
  HEADER_BYTES,
  MAX_GAZE_RAD,
  MAX_POSITION_M,
  POSITION_UNIT_M,
  PresenceBit,
  QUAT_BYTES,
  SEQ_OFFSET,
  TIME_OFFSET,
  WEIGHT_STEPS,
} from './FrameLayout.js';
import { writeQuat48 } from './quat48.js';

const MAX_UINT32 = 0xffffffff;

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function finite(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FrameEncodeError(`${field} must be a finite number, got ${String(value)}`);
  }
  return value;
}

function weightByte(value: number, field: string): number {
  return Math.round(clamp(finite(value ?? 0, field), 0, 1) * WEIGHT_STEPS);
}

function fixedI16(value: number, unit: number, limit: number, field: string): number {
  return Math.round(clamp(finite(value, field), -limit, limit) / unit);
}

function countBones(frame: RigFrame): number {
  let count = 0;
  const bones = frame.body?.bones;
  if (!bones) return 0;
  for (const name of HUMANOID_BONE_NAMES) if (bones[name]) count++;
  return count;
}

/** The number of bytes {@link encodeFrame} will produce for `frame`. */
export function encodedFrameSize(frame: RigFrame): number {
  let size = HEADER_BYTES;
  if (frame.face) size += FACE_BYTES;
  if (frame.body) size += BODY_FIXED_BYTES + countBones(frame) * QUAT_BYTES;
  return size;
}

/**
 * Encodes a frame into the compact binary wire format (see {@link FRAME_FORMAT_VERSION}).
 * Weights are clamped to [0, 1], positions to ±3.27 m and gaze to ±π/2; quaternions are
 * normalized. A frame that cannot be represented (NaN, a zero quaternion, a seq outside uint32)
 * throws {@link FrameEncodeError}: that is a bug in the producer, not bad input from a peer.
 * @example
 * socket.emit('frame', encodeFrame(frame));
 */
export function encodeFrame(frame: RigFrame): Uint8Array {
  const bytes = new Uint8Array(encodedFrameSize(frame));
  const view = new DataView(bytes.buffer);
  const { seq, time, face, body } = frame;
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_UINT32) {
    throw new FrameEncodeError(`seq must be a uint32, got ${String(seq)}`);
  }
  if (finite(time, 'time') < 0) throw new FrameEncodeError(`time must be ≥ 0, got ${time}`);

  view.setUint8(0, FRAME_FORMAT_VERSION);
  view.setUint8(1, (face ? PresenceBit.Face : 0) | (body ? PresenceBit.Body : 0));
  view.setUint32(SEQ_OFFSET, seq, true);
  view.setFloat64(TIME_OFFSET, time, true);
  let offset = HEADER_BYTES;

  if (face) {
    if (!writeQuat48(view, offset, face.head)) throw new FrameEncodeError('face.head is not a rotation');
    offset += QUAT_BYTES;
    for (let i = 0; i < 3; i++, offset += 2) {
      view.setInt16(offset, fixedI16(face.headPosition[i], POSITION_UNIT_M, MAX_POSITION_M, 'face.headPosition'), true);
    }
    for (const name of ARKIT_BLENDSHAPE_NAMES) {
      bytes[offset++] = weightByte(face.blendshapes[name], `face.blendshapes.${name}`);
    }
    for (const name of RIG_EXPRESSION_NAMES) {
      bytes[offset++] = weightByte(face.expressions[name], `face.expressions.${name}`);
    }
    const { left, right } = face.gaze;
    for (const angle of [left.yaw, left.pitch, right.yaw, right.pitch]) {
      view.setInt16(offset, fixedI16(angle, GAZE_UNIT_RAD, MAX_GAZE_RAD, 'face.gaze'), true);
      offset += 2;
    }
    bytes[offset++] = weightByte(face.confidence, 'face.confidence');
  }

  if (body) {
    const maskOffset = offset;
    offset += BONE_MASK_BYTES;
    for (const part of BODY_PART_NAMES) {
      bytes[offset++] = weightByte(body.confidence[part] ?? 0, `body.confidence.${part}`);
    }
    HUMANOID_BONE_NAMES.forEach((name, index) => {
      const rotation = body.bones[name];
      if (!rotation) return;
      bytes[maskOffset + (index >> 3)] |= 1 << (index & 7);
      if (!writeQuat48(view, offset, rotation)) throw new FrameEncodeError(`body.bones.${name} is not a rotation`);
      offset += QUAT_BYTES;
    });
  }
  return bytes;
}
