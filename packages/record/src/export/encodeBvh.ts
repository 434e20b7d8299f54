import { createSkeleton, type Skeleton } from '@rigcast/avatar-gen';
import { humanoidBoneIndex } from '@rigcast/protocol';
import { QUAT_STRIDE } from '@rigcast/pose';
import { Euler, Quaternion } from 'three';
import { gazeRotation } from './gazeRotation';
import { ROTATIONS_PER_FRAME, type PoseTrack } from './PoseTrack';
import { samplePoseTrack } from './samplePoseTrack';

/** BVH lengths are centimetres, the unit most BVH readers assume; the skeleton is in metres. */
export const BVH_UNITS_PER_METRE = 100;
/** The default frame rate: a BVH has one, a recording has the tracker's uneven arrivals. */
export const DEFAULT_BVH_FPS = 30;
/** Every joint's rotation channels, in this order: the rotation is Rz · Rx · Ry. */
const ROTATION_ORDER = 'ZXY';
const ROTATION_CHANNELS = 'Zrotation Xrotation Yrotation';
const ROOT_CHANNELS = `Xposition Yposition Zposition ${ROTATION_CHANNELS}`;
/** End sites of leaf joints, metres: ahead of the eyes and toes; along the last segment of a finger. */
const EYE_END: readonly number[] = [0, 0, 0.02];
const TOE_END: readonly number[] = [0, 0, 0.04];
const FINGER_END_SHARE = 0.75;
const DIGITS = 4;
const RAD_TO_DEG = 180 / Math.PI;

const fixed = (value: number) => (Math.abs(value) < 0.5 * 10 ** -DIGITS ? 0 : value).toFixed(DIGITS);
const vector = (v: readonly number[]) => v.map((x) => fixed(x * BVH_UNITS_PER_METRE)).join(' ');

/**
 * A BVH of a pose track: the default avatar's skeleton as a T-pose hierarchy (offsets only, in
 * centimetres, every humanoid bone it has), and one frame every 1/`fps` s, sampled from the
 * track the way the avatar page interpolates. Every joint has Z, X, Y rotation channels in that
 * order (degrees); the hips also have X, Y, Z position channels (their rest position: a RigFrame
 * carries no root motion). The eyes turn with the gaze. Expressions have no place in a BVH.
 */
export function encodeBvh(track: PoseTrack, fps = DEFAULT_BVH_FPS, skeleton: Skeleton = createSkeleton()): string {
  if (track.count === 0) throw new RangeError('encodeBvh: the recording holds no frames');
  if (!(fps > 0 && fps <= 1000)) throw new RangeError(`encodeBvh: fps must be above 0 and at most 1000, got ${fps}`);
  const { bones } = skeleton;
  const children = bones.map((_, index) => bones.flatMap((bone, child) => (bone.parent === index ? [child] : [])));
  const order: number[] = [];
  const lines = ['HIERARCHY'];

  const joint = (index: number, depth: number): void => {
    const bone = bones[index];
    const pad = '  '.repeat(depth);
    const parent = bone.parent >= 0 ? bones[bone.parent].position : null;
    order.push(index);
    lines.push(`${pad}${parent ? 'JOINT' : 'ROOT'} ${bone.name}`, `${pad}{`);
    const offset = parent ? bone.position.map((v, k) => v - parent[k]) : [0, 0, 0];
    lines.push(`${pad}  OFFSET ${vector(offset)}`);
    lines.push(parent ? `${pad}  CHANNELS 3 ${ROTATION_CHANNELS}` : `${pad}  CHANNELS 6 ${ROOT_CHANNELS}`);
    for (const child of children[index]) joint(child, depth + 1);
    if (children[index].length === 0) {
      const end = bone.name.endsWith('Eye') ? EYE_END : bone.name.endsWith('Toes') ? TOE_END : offset.map((v) => v * FINGER_END_SHARE);
      lines.push(`${pad}  End Site`, `${pad}  {`, `${pad}    OFFSET ${vector(end)}`, `${pad}  }`);
    }
    lines.push(`${pad}}`);
  };
  joint(bones.findIndex((bone) => bone.parent < 0), 0);

  const duration = track.times[track.count - 1];
  const frameCount = Math.floor(duration * fps + 1e-9) + 1;
  lines.push('MOTION', `Frames: ${frameCount}`, `Frame Time: ${(1 / fps).toFixed(7)}`);
  const rotations = new Float64Array(ROTATIONS_PER_FRAME);
  const gaze = new Float64Array(2);
  const eyeRotation = [0, 0, 0, 1];
  const q = new Quaternion();
  const euler = new Euler();
  const boneOffsets = order.map((index) => {
    const name = bones[index].humanoid;
    return name && !name.endsWith('Eye') ? humanoidBoneIndex(name) * QUAT_STRIDE : -1;
  });
  const hips = vector(bones[order[0]].position);
  for (let frame = 0; frame < frameCount; frame++) {
    samplePoseTrack(track, frame / fps, rotations, gaze);
    gazeRotation(eyeRotation, gaze[0], gaze[1]);
    const values: string[] = [hips];
    for (const offset of boneOffsets) {
      if (offset >= 0) q.fromArray(rotations, offset);
      else q.fromArray(eyeRotation);
      euler.setFromQuaternion(q, ROTATION_ORDER);
      values.push(`${fixed(euler.z * RAD_TO_DEG)} ${fixed(euler.x * RAD_TO_DEG)} ${fixed(euler.y * RAD_TO_DEG)}`);
    }
    lines.push(values.join(' '));
  }
  return `${lines.join('\n')}\n`;
}
