import { createEmptyBody, createNeutralFace } from '../frame/createNeutralFrame.js';
import type { BodyRig, FaceRig, Quat, RigFrame } from '../frame/RigFrame.js';
import { HUMANOID_BONE_NAMES } from '../names/HumanoidBoneName.js';

/**
 * A frame that {@link decodeFrameInto} fills again and again, so that a receiver decodes every
 * frame without building objects. Everything a frame can hold is allocated once, here:
 * - `frame.face` is {@link DecodeTarget.face} when the last frame had a face, else `undefined`;
 * - `frame.body` is {@link DecodeTarget.body} when it had a body, else `undefined`;
 * - `body.bones[name]` is that bone's entry of {@link DecodeTarget.boneRotations} when the frame
 *   carried the bone, else `undefined` (every bone name is a key, so check the value, not `in`).
 *
 * The content is valid until the next decode into the same target; after a decode that fails it
 * is unspecified.
 */
export interface DecodeTarget {
  /** The last frame decoded into this target. */
  readonly frame: RigFrame;
  /** Where a face is decoded. */
  readonly face: FaceRig;
  /** Where a body is decoded. */
  readonly body: BodyRig;
  /** One rotation per humanoid bone, in wire order ({@link HUMANOID_BONE_NAMES}). */
  readonly boneRotations: readonly Quat[];
}

/**
 * A copy of a weight record whose values V8 stores as references. The decoder writes weights from
 * a table of shared numbers; a small record (up to about a dozen keys) would instead keep unboxed
 * doubles, and then every read by a caller that loops over the keys boxes a new number. Deleting a
 * property that is not the last one turns an object into a dictionary, which stores references.
 */
function asReferenceRecord<K extends string>(record: Record<K, number>): Record<K, number> {
  const copy: Record<string, number> = { dictionary: 0 };
  Object.assign(copy, record);
  delete copy.dictionary;
  return copy as Record<K, number>;
}

/**
 * A fresh {@link DecodeTarget}: allocate one per receiver and reuse it for every frame.
 * @example
 * const target = createDecodeTarget();
 * socket.on('frame', (bytes) => apply(decodeFrameInto(bytes, target)));
 */
export function createDecodeTarget(): DecodeTarget {
  const face = createNeutralFace();
  face.blendshapes = asReferenceRecord(face.blendshapes);
  face.expressions = asReferenceRecord(face.expressions);
  const body = createEmptyBody();
  body.confidence = asReferenceRecord(body.confidence);
  const boneRotations: Quat[] = HUMANOID_BONE_NAMES.map(() => [0, 0, 0, 1]);
  // Every key present from the start: later frames only swap values, never the object's shape.
  for (const name of HUMANOID_BONE_NAMES) body.bones[name] = undefined;
  const frame: RigFrame = { seq: 0, time: 0, face: undefined, body: undefined };
  return { frame, face, body, boneRotations };
}
