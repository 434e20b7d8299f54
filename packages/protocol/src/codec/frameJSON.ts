import { createNeutralBlendshapes, createNeutralExpressions } from '../frame/createNeutralFrame.js';
import type { BodyRig, EyeGaze, FaceRig, Quat, RigFrame, Vec3 } from '../frame/RigFrame.js';
import { ARKIT_BLENDSHAPE_NAMES } from '../names/ARKitBlendshapeName.js';
import { BODY_PART_NAMES, type BodyPartName } from '../names/BodyPartName.js';
import { HUMANOID_BONE_NAMES, isHumanoidBoneName } from '../names/HumanoidBoneName.js';
import { RIG_EXPRESSION_NAMES } from '../names/VRMExpressionPresetName.js';
import { FrameDecodeError, FrameDecodeReason } from './FrameDecodeError.js';
import { FRAME_FORMAT_VERSION, MAX_GAZE_RAD } from './FrameLayout.js';

/** The JSON form of a frame: the RigFrame itself plus a format version `v`. */
export type RigFrameJSON = RigFrame & { v: number };

/** A plain-object copy of `frame` for logs and recordings; `JSON.stringify` it as you like. */
export function frameToJSON(frame: RigFrame): RigFrameJSON {
  return { v: FRAME_FORMAT_VERSION, ...structuredClone(frame) };
}

type Obj = Record<string, unknown>;

function bad(reason: FrameDecodeReason, field: string, what: string): never {
  throw new FrameDecodeError(reason, `${field} ${what}`);
}

function object(value: unknown, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(FrameDecodeReason.BadShape, field, 'must be an object');
  return value as Obj;
}

function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function number(value: unknown, field: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number') bad(FrameDecodeReason.BadShape, field, 'must be a number');
  if (!Number.isFinite(value) || value < min || value > max) bad(FrameDecodeReason.BadValue, field, `${value} is outside [${min}, ${max}]`);
  return value;
}

function tuple(value: unknown, length: number, field: string): number[] {
  if (!Array.isArray(value) || value.length !== length) bad(FrameDecodeReason.BadShape, field, `must be an array of ${length} numbers`);
  return value.map((v, i) => number(v, `${field}[${i}]`));
}

function quat(value: unknown, field: string): Quat {
  const q = tuple(value, 4, field) as Quat;
  const norm = Math.hypot(...q);
  if (Math.abs(norm - 1) > 1e-3) bad(FrameDecodeReason.BadValue, field, `has length ${norm.toFixed(4)}, not 1`);
  return q;
}

function weights<K extends string>(value: unknown, names: readonly K[], target: Record<K, number>, field: string): Record<K, number> {
  const obj = object(value, field);
  for (const key of Object.keys(obj)) {
    if (!(names as readonly string[]).includes(key)) bad(FrameDecodeReason.BadShape, field, `has unknown key "${key}"`);
  }
  for (const name of names) {
    const w = own(obj, name);
    if (w !== undefined) target[name] = number(w, `${field}.${name}`, 0, 1);
  }
  return target;
}

function eye(value: unknown, field: string): EyeGaze {
  const obj = object(value, field);
  return {
    yaw: number(own(obj, 'yaw'), `${field}.yaw`, -MAX_GAZE_RAD, MAX_GAZE_RAD),
    pitch: number(own(obj, 'pitch'), `${field}.pitch`, -MAX_GAZE_RAD, MAX_GAZE_RAD),
  };
}

function face(value: unknown): FaceRig {
  const obj = object(value, 'face');
  const gaze = object(own(obj, 'gaze'), 'face.gaze');
  return {
    head: quat(own(obj, 'head'), 'face.head'),
    headPosition: tuple(own(obj, 'headPosition'), 3, 'face.headPosition') as Vec3,
    blendshapes: weights(own(obj, 'blendshapes'), ARKIT_BLENDSHAPE_NAMES, createNeutralBlendshapes(), 'face.blendshapes'),
    expressions: weights(own(obj, 'expressions'), RIG_EXPRESSION_NAMES, createNeutralExpressions(), 'face.expressions'),
    gaze: { left: eye(own(gaze, 'left'), 'face.gaze.left'), right: eye(own(gaze, 'right'), 'face.gaze.right') },
    confidence: number(own(obj, 'confidence'), 'face.confidence', 0, 1),
  };
}

function body(value: unknown): BodyRig {
  const obj = object(value, 'body');
  const bonesIn = object(own(obj, 'bones'), 'body.bones');
  const bones: BodyRig['bones'] = {};
  for (const key of Object.keys(bonesIn)) {
    if (!isHumanoidBoneName(key)) bad(FrameDecodeReason.BadShape, 'body.bones', `has unknown bone "${key}"`);
  }
  for (const name of HUMANOID_BONE_NAMES) {
    const q = own(bonesIn, name);
    if (q !== undefined) bones[name] = quat(q, `body.bones.${name}`);
  }
  const confidence = weights(own(obj, 'confidence'), BODY_PART_NAMES, {} as Record<BodyPartName, number>, 'body.confidence');
  for (const part of BODY_PART_NAMES) confidence[part] ??= 0;
  return { bones, confidence };
}

/**
 * Validates a JSON frame (parsed or a string) and returns a fresh RigFrame built only from known
 * fields. Throws {@link FrameDecodeError} on anything else.
 */
export function frameFromJSON(input: unknown): RigFrame {
  let parsed = input;
  if (typeof input === 'string') {
    try {
      parsed = JSON.parse(input);
    } catch {
      bad(FrameDecodeReason.BadShape, 'frame', 'is not valid JSON');
    }
  }
  const obj = object(parsed, 'frame');
  const version = own(obj, 'v');
  if (version !== undefined && version !== FRAME_FORMAT_VERSION) {
    bad(FrameDecodeReason.UnknownVersion, 'frame.v', `is ${String(version)}, this build reads ${FRAME_FORMAT_VERSION}`);
  }
  const seq = number(own(obj, 'seq'), 'seq', 0, 0xffffffff);
  if (!Number.isInteger(seq)) bad(FrameDecodeReason.BadValue, 'seq', 'must be an integer');
  const frame: RigFrame = { seq, time: number(own(obj, 'time'), 'time', 0) };
  if (own(obj, 'face') !== undefined) frame.face = face(own(obj, 'face'));
  if (own(obj, 'body') !== undefined) frame.body = body(own(obj, 'body'));
  return frame;
}
