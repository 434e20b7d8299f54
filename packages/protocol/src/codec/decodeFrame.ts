import { createNeutralBlendshapes, createNeutralExpressions } from '../frame/createNeutralFrame.js';
import type { BodyRig, FaceRig, Quat, RigFrame } from '../frame/RigFrame.js';
import { ARKIT_BLENDSHAPE_NAMES } from '../names/ARKitBlendshapeName.js';
import { HUMANOID_BONE_NAMES } from '../names/HumanoidBoneName.js';
import { RIG_EXPRESSION_NAMES } from '../names/VRMExpressionPresetName.js';
import { createDecodeTarget } from './DecodeTarget.js';
import { decodeFrameInto } from './decodeFrameInto.js';
import { FrameDecodeError, FrameDecodeReason } from './FrameDecodeError.js';

/** Decoding is synchronous, so one target serves every call; the result is copied out of it. */
const scratch = createDecodeTarget();

function copyFace(face: FaceRig): FaceRig {
  const blendshapes = createNeutralBlendshapes();
  for (const name of ARKIT_BLENDSHAPE_NAMES) blendshapes[name] = face.blendshapes[name];
  const expressions = createNeutralExpressions();
  for (const name of RIG_EXPRESSION_NAMES) expressions[name] = face.expressions[name];
  const { left, right } = face.gaze;
  return {
    head: [face.head[0], face.head[1], face.head[2], face.head[3]],
    headPosition: [face.headPosition[0], face.headPosition[1], face.headPosition[2]],
    blendshapes,
    expressions,
    gaze: { left: { yaw: left.yaw, pitch: left.pitch }, right: { yaw: right.yaw, pitch: right.pitch } },
    confidence: face.confidence,
  };
}

function copyBody(body: BodyRig): BodyRig {
  const bones: BodyRig['bones'] = {};
  for (const name of HUMANOID_BONE_NAMES) {
    const q = body.bones[name];
    if (q) bones[name] = [q[0], q[1], q[2], q[3]] as Quat;
  }
  return { bones, confidence: { ...body.confidence } };
}

/**
 * Decodes and validates a binary RigFrame into new objects. Decoding is validation: bytes that are
 * not binary, truncated, oversized, of an unknown version, or that hold values no encoder could
 * write throw {@link FrameDecodeError} with a `reason`. No other exception escapes. A receiver
 * that decodes every frame should use {@link decodeFrameInto}, which builds nothing.
 * @example
 * try { apply(decodeFrame(bytes)); } catch (e) { if (e instanceof FrameDecodeError) warn(e.reason); }
 */
export function decodeFrame(input: unknown): RigFrame {
  const { seq, time, face, body } = decodeFrameInto(input, scratch);
  const frame: RigFrame = { seq, time };
  if (face) frame.face = copyFace(face);
  if (body) frame.body = copyBody(body);
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
