import { GltfDocument, createSkeleton, encodeGlb, type Skeleton } from '@rigcast/avatar-gen';
import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, humanoidBoneIndex, type HumanoidBoneName } from '@rigcast/protocol';
import { QUAT_STRIDE } from '@rigcast/pose';
import { gazeRotation } from './gazeRotation';
import { BLENDSHAPES_PER_FRAME, EXPRESSIONS_PER_FRAME, GAZE_PER_FRAME, ROTATIONS_PER_FRAME, type PoseTrack } from './PoseTrack';

/** The extension this writes, and its version. */
const VRMA_EXTENSION = 'VRMC_vrm_animation';
const VRMA_SPEC_VERSION = '1.0';
/** VRM animations may not animate the eyes as bones: lookAt carries the gaze. */
const LOOK_AT_BONES: ReadonlySet<HumanoidBoneName> = new Set(['leftEye', 'rightEye']);

type Vec3 = [number, number, number];

const sub = (a: readonly number[], b: readonly number[]): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

/** Whether every frame's `stride` values equal the first frame's: such a channel needs one key. */
function isConstant(values: Float64Array, stride: number, count: number, offset: number, frameStride: number): boolean {
  for (let i = 1; i < count; i++) {
    for (let k = 0; k < stride; k++) if (values[i * frameStride + offset + k] !== values[offset + k]) return false;
  }
  return true;
}

/**
 * Copies one quaternion channel out of per-frame data as float32, flipping signs where needed so
 * that each key is on the same side as the one before (q and −q are one rotation, but a sampler
 * between them would take the long way round).
 */
function quaternionChannel(values: Float64Array, count: number, offset: number, frameStride: number): Float32Array {
  const out = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const from = i * frameStride + offset;
    let sign = 1;
    if (i > 0) {
      const dot = values[from] * out[i * 4 - 4] + values[from + 1] * out[i * 4 - 3] + values[from + 2] * out[i * 4 - 2] + values[from + 3] * out[i * 4 - 1];
      if (dot < 0) sign = -1;
    }
    for (let k = 0; k < 4; k++) out[i * 4 + k] = sign * values[from + k];
  }
  return out;
}

/** Builds the animation's channels: one sampler per channel, sharing the times accessor. */
class AnimationBuilder {
  readonly samplers: Record<string, unknown>[] = [];
  readonly channels: Record<string, unknown>[] = [];
  private readonly allTimes: number;
  private readonly firstTime: number;

  constructor(
    private readonly doc: GltfDocument,
    private readonly track: PoseTrack,
  ) {
    this.allTimes = doc.addAccessor(new Float32Array(track.times.subarray(0, track.count)), 'SCALAR', { withBounds: true });
    this.firstTime = doc.addAccessor(new Float32Array([track.times[0]]), 'SCALAR', { withBounds: true });
  }

  /** Adds a channel; a constant one (`keys` of a single key) samples the first time only. */
  add(node: number, path: 'rotation' | 'translation', keys: Float32Array): void {
    const size = path === 'rotation' ? 4 : 3;
    const input = keys.length === size ? this.firstTime : this.allTimes;
    const output = this.doc.addAccessor(keys, path === 'rotation' ? 'VEC4' : 'VEC3');
    this.samplers.push({ input, output, interpolation: 'LINEAR' });
    this.channels.push({ sampler: this.samplers.length - 1, target: { node, path } });
  }
}

/**
 * A VRM animation (`.vrma`: glTF binary with `VRMC_vrm_animation` 1.0) of a pose track:
 * - the humanoid: the default avatar's T-pose skeleton (translations only, so the rotations are
 *   the normalized local rotations themselves), every bone but the eyes rotated at each pose time,
 *   and the hips translated (to their rest position: a RigFrame carries no root motion);
 * - expressions: the rig's presets as preset expressions, the 52 ARKit weights as custom
 *   expressions named as in ARKit (perfect sync), each a node whose translation x is the weight;
 * - lookAt: the gaze as the rotation of a node (yaw about Y, pitch about X, VRM's convention).
 * A channel that never changes gets one key instead of one per pose.
 */
export function encodeVrma(track: PoseTrack, skeleton: Skeleton = createSkeleton()): Uint8Array {
  if (track.count === 0) throw new RangeError('encodeVrma: the recording holds no frames');
  const doc = new GltfDocument('rigcast export');
  const nodes: Record<string, unknown>[] = [];
  const humanBones: Record<string, { node: number }> = {};
  const nodeOfBone = new Map<number, number>();
  for (const [index, bone] of skeleton.bones.entries()) {
    if (!bone.humanoid || LOOK_AT_BONES.has(bone.humanoid)) continue;
    const parentPosition = bone.parent >= 0 ? skeleton.bones[bone.parent].position : [0, 0, 0];
    nodeOfBone.set(index, nodes.length);
    humanBones[bone.humanoid] = { node: nodes.length };
    nodes.push({ name: bone.humanoid, translation: sub(bone.position, parentPosition) });
  }
  for (const [index, bone] of skeleton.bones.entries()) {
    const node = nodeOfBone.get(index);
    const parentNode = nodeOfBone.get(bone.parent);
    if (node === undefined || parentNode === undefined) continue;
    const parent = nodes[parentNode] as { children?: number[] };
    (parent.children ??= []).push(node);
  }
  const hips = humanBones.hips.node;

  const animation = new AnimationBuilder(doc, track);
  const { count } = track;
  for (const [name, { node }] of Object.entries(humanBones)) {
    const offset = humanoidBoneIndex(name as HumanoidBoneName) * QUAT_STRIDE;
    const frames = isConstant(track.rotations, QUAT_STRIDE, count, offset, ROTATIONS_PER_FRAME) ? 1 : count;
    animation.add(node, 'rotation', quaternionChannel(track.rotations, frames, offset, ROTATIONS_PER_FRAME));
  }
  animation.add(hips, 'translation', new Float32Array(skeleton.position('hips')));

  const expressionNode = (name: string, values: Float64Array, index: number, stride: number): number => {
    const frames = isConstant(values, 1, count, index, stride) ? 1 : count;
    const keys = new Float32Array(frames * 3);
    for (let i = 0; i < frames; i++) keys[i * 3] = Math.min(1, Math.max(0, values[i * stride + index]));
    nodes.push({ name: `expression ${name}` });
    animation.add(nodes.length - 1, 'translation', keys);
    return nodes.length - 1;
  };
  const preset: Record<string, { node: number }> = {};
  RIG_EXPRESSION_NAMES.forEach((name, i) => (preset[name] = { node: expressionNode(name, track.expressions, i, EXPRESSIONS_PER_FRAME) }));
  const custom: Record<string, { node: number }> = {};
  ARKIT_BLENDSHAPE_NAMES.forEach((name, i) => (custom[name] = { node: expressionNode(name, track.blendshapes, i, BLENDSHAPES_PER_FRAME) }));

  const gaze = new Float64Array(count * 4);
  const q = [0, 0, 0, 1];
  for (let i = 0; i < count; i++) gaze.set(gazeRotation(q, track.gaze[i * GAZE_PER_FRAME], track.gaze[i * GAZE_PER_FRAME + 1]), i * 4);
  nodes.push({ name: 'lookAt' });
  const lookAt = nodes.length - 1;
  animation.add(lookAt, 'rotation', quaternionChannel(gaze, isConstant(gaze, 4, count, 0, 4) ? 1 : count, 0, 4));

  const eyes = sub(
    skeleton.position('leftEye').map((v, k) => (v + skeleton.position('rightEye')[k]) / 2),
    skeleton.position('head'),
  );
  doc.useExtension(VRMA_EXTENSION);
  Object.assign(doc.json, {
    scene: 0,
    scenes: [{ nodes: nodes.map((_, i) => i).filter((i) => i === hips || i >= nodeOfBone.size) }],
    nodes,
    animations: [{ name: 'rigcast', samplers: animation.samplers, channels: animation.channels }],
    extensions: {
      [VRMA_EXTENSION]: {
        specVersion: VRMA_SPEC_VERSION,
        humanoid: { humanBones },
        expressions: { preset, custom },
        lookAt: { node: lookAt, offsetFromHeadBone: eyes },
      },
    },
  });
  return encodeGlb(doc);
}

