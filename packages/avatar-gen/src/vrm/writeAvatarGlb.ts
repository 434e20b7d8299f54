import { BufferTarget, GltfDocument } from '../gltf/GltfDocument';
import { encodeGlb } from '../gltf/encodeGlb';
import { MATERIAL_SLOTS, type MeshBuilder } from '../mesh/MeshBuilder';
import type { Skeleton } from '../rig/Skeleton';
import { createMaterials } from './createMaterials';
import { createSpringBoneExtension } from './createSpringBoneExtension';
import { createVrmExtension } from './createVrmExtension';
import { MORPH_NAMES } from './expressionPresets';
import type { SpringBoneChain } from './SpringBoneChain';

/** What goes into the file besides the mesh and skeleton. */
export interface AvatarAssets {
  atlasPng: Uint8Array;
  thumbnailPng: Uint8Array;
  springChains: readonly SpringBoneChain[];
}

const SAMPLER_LINEAR = 9729;
const SAMPLER_CLAMP = 33071;
const UNORM16 = 65535;
const UNORM8 = 255;

/** Weights as normalized bytes that sum to exactly 255 (largest remainders get the spare units). */
function quantizeWeights(w: readonly number[]): number[] {
  const scaled = w.map((v) => v * UNORM8);
  const q = scaled.map(Math.floor);
  let spare = UNORM8 - q.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (spare <= 0) break;
    q[i]++;
    spare--;
  }
  return q;
}

/** Writes the avatar as a binary VRM 1.0: one skinned mesh, one primitive per material, sparse morph targets. */
export function writeAvatarGlb(mesh: MeshBuilder, skeleton: Skeleton, assets: AvatarAssets): Uint8Array {
  const doc = new GltfDocument('rigcast avatar-gen');
  const json = doc.json;
  for (const ext of ['VRMC_materials_mtoon', 'VRMC_vrm']) doc.useExtension(ext);

  // Nodes: bones first (translations relative to the parent), then the mesh node.
  const nodes: Record<string, unknown>[] = skeleton.bones.map((b) => {
    const parent = b.parent >= 0 ? skeleton.bones[b.parent].position : [0, 0, 0];
    const t = b.position.map((v, i) => Math.round((v - parent[i]) * 1e6) / 1e6);
    return { name: b.name, translation: t };
  });
  skeleton.bones.forEach((b, i) => {
    if (b.parent >= 0) ((nodes[b.parent].children ??= []) as number[]).push(i);
  });
  const meshNode = nodes.length;
  nodes.push({ name: 'Body', mesh: 0, skin: 0 });
  json.nodes = nodes;
  json.scenes = [{ name: 'Scene', nodes: [0, meshNode] }];
  json.scene = 0;

  // The baked world positions are the node translations summed up; use them for bind matrices.
  const world: number[][] = skeleton.bones.map(() => [0, 0, 0]);
  skeleton.bones.forEach((b, i) => {
    const t = nodes[i].translation as number[];
    world[i] = b.parent >= 0 ? world[b.parent].map((v, c) => v + t[c]) : [...t];
  });
  const ibm = new Float32Array(16 * skeleton.bones.length);
  world.forEach((p, i) => {
    ibm.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -p[0], -p[1], -p[2], 1], i * 16);
  });
  json.skins = [{ name: 'Armature', inverseBindMatrices: doc.addAccessor(ibm, 'MAT4'), joints: skeleton.bones.map((_, i) => i), skeleton: 0 }];

  // Images, textures, materials.
  const atlasImage = doc.addImage(assets.atlasPng, 'image/png', 'atlas');
  const thumbnailImage = doc.addImage(assets.thumbnailPng, 'image/png', 'thumbnail');
  json.samplers = [{ magFilter: SAMPLER_LINEAR, minFilter: SAMPLER_LINEAR, wrapS: SAMPLER_CLAMP, wrapT: SAMPLER_CLAMP }];
  json.textures = [{ sampler: 0, source: atlasImage }];
  json.materials = createMaterials(0);

  // One primitive per material slot, each with every morph target (sparse, or zero when untouched).
  const normals = mesh.computeNormals();
  const primitives: Record<string, unknown>[] = [];
  for (const slot of MATERIAL_SLOTS) {
    const tris = mesh.triangles.get(slot)!;
    if (tris.length === 0) continue;
    const globalIds = [...new Set(tris)].sort((a, b) => a - b);
    const local = new Map(globalIds.map((g, i) => [g, i]));
    const n = globalIds.length;
    const pos = new Float32Array(n * 3);
    const nor = new Float32Array(n * 3);
    const uv = new Uint16Array(n * 2);
    const joints = new Uint8Array(n * 4);
    const weights = new Uint8Array(n * 4);
    globalIds.forEach((g, i) => {
      pos.set(mesh.positions[g], i * 3);
      nor.set(normals[g], i * 3);
      uv[i * 2] = Math.round(mesh.uvs[g][0] * UNORM16);
      uv[i * 2 + 1] = Math.round(mesh.uvs[g][1] * UNORM16);
      const s = mesh.skins[g];
      const q = quantizeWeights(s.slice(4, 8));
      weights.set(q, i * 4);
      joints.set(s.slice(0, 4).map((j, c) => (q[c] > 0 ? j : 0)), i * 4);
    });
    const indices = n < 65536 ? new Uint16Array(tris.map((g) => local.get(g)!)) : new Uint32Array(tris.map((g) => local.get(g)!));
    let zero = -1;
    const targets = MORPH_NAMES.map((name) => {
      const deltas = [...(mesh.morphs.get(name)?.entries() ?? [])].filter(([g]) => local.has(g)).sort((a, b) => a[0] - b[0]);
      if (deltas.length === 0) {
        if (zero < 0) zero = doc.addZeroVec3Accessor(n);
        return { POSITION: zero };
      }
      const idx = n < 65536 ? new Uint16Array(deltas.map(([g]) => local.get(g)!)) : new Uint32Array(deltas.map(([g]) => local.get(g)!));
      const values = new Float32Array(deltas.length * 3);
      deltas.forEach(([, d], i) => values.set(d, i * 3));
      return { POSITION: doc.addSparseVec3Accessor(n, idx, values) };
    });
    primitives.push({
      attributes: {
        POSITION: doc.addAccessor(pos, 'VEC3', { target: BufferTarget.ArrayBuffer, withBounds: true }),
        NORMAL: doc.addAccessor(nor, 'VEC3', { target: BufferTarget.ArrayBuffer }),
        TEXCOORD_0: doc.addAccessor(uv, 'VEC2', { target: BufferTarget.ArrayBuffer, normalized: true }),
        JOINTS_0: doc.addAccessor(joints, 'VEC4', { target: BufferTarget.ArrayBuffer }),
        WEIGHTS_0: doc.addAccessor(weights, 'VEC4', { target: BufferTarget.ArrayBuffer, normalized: true }),
      },
      indices: doc.addAccessor(indices, 'SCALAR', { target: BufferTarget.ElementArrayBuffer }),
      material: slot,
      targets,
    });
  }
  json.meshes = [{ name: 'Body', primitives, weights: MORPH_NAMES.map(() => 0), extras: { targetNames: [...MORPH_NAMES] } }];

  const boneNodes = skeleton.bones.map((_, i) => i);
  const extensions: Record<string, unknown> = { VRMC_vrm: createVrmExtension({ skeleton, boneNodes, meshNode, thumbnailImage }) };
  if (assets.springChains.length > 0) {
    doc.useExtension('VRMC_springBone');
    extensions.VRMC_springBone = createSpringBoneExtension(assets.springChains, skeleton);
  }
  json.extensions = extensions;
  return encodeGlb(doc);
}
