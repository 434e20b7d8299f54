import { createHash } from 'node:crypto';
import { ARKIT_BLENDSHAPE_NAMES, HUMANOID_BONE_NAMES, REQUIRED_HUMANOID_BONE_NAMES, RIG_EXPRESSION_NAMES } from '@rigcast/protocol';
// @ts-expect-error gltf-validator ships no types
import validator from 'gltf-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOUTH_Y } from '../face/deformHead';
import { generateDefaultAvatar } from '../generateDefaultAvatar';
import { MORPH_NAMES } from '../vrm/expressionPresets';
import { type Glb, readAccessor, readGlb } from './readGlb';

const MAX_BYTES = 1.5 * 1024 * 1024;
let bytes: Uint8Array;
let glb: Glb;

interface MorphSummary {
  moved: number;
  maxDelta: number;
  /** Centroid of the moved vertices (rest positions, weighted by how far they move). */
  centroid: [number, number, number];
  /** Mean delta of the moved vertices. */
  mean: [number, number, number];
  minDy: number;
  maxDy: number;
  /** Sum over moved vertices of dx × sign(x): > 0 when they move away from the middle. */
  outward: number;
}

const summaries = new Map<string, MorphSummary>();

beforeAll(() => {
  bytes = generateDefaultAvatar().bytes;
  glb = readGlb(bytes);
  const prims = glb.json.meshes[0].primitives;
  MORPH_NAMES.forEach((name, t) => {
    const s: MorphSummary = { moved: 0, maxDelta: 0, centroid: [0, 0, 0], mean: [0, 0, 0], minDy: 0, maxDy: 0, outward: 0 };
    let wsum = 0;
    for (const prim of prims) {
      const pos = readAccessor(glb, prim.attributes.POSITION);
      const d = readAccessor(glb, prim.targets[t].POSITION);
      for (let i = 0; i < d.length; i += 3) {
        const len = Math.hypot(d[i], d[i + 1], d[i + 2]);
        if (len < 1e-4) continue;
        s.moved++;
        s.maxDelta = Math.max(s.maxDelta, len);
        for (let c = 0; c < 3; c++) {
          s.centroid[c] += pos[i + c] * len;
          s.mean[c] += d[i + c];
        }
        wsum += len;
        s.minDy = Math.min(s.minDy, d[i + 1]);
        s.maxDy = Math.max(s.maxDy, d[i + 1]);
        s.outward += d[i] * Math.sign(pos[i]);
      }
    }
    for (let c = 0; c < 3; c++) {
      s.centroid[c] /= wsum || 1;
      s.mean[c] /= s.moved || 1;
    }
    summaries.set(name, s);
  });
});

describe('the generated default avatar', () => {
  it('passes the Khronos glTF validator with zero errors and zero warnings', async () => {
    const report = await validator.validateBytes(new Uint8Array(bytes));
    const { numErrors, numWarnings, numInfos } = report.issues;
    console.log(`gltf-validator: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos (${report.issues.messages.map((m: { code: string }) => m.code).join(', ')})`);
    expect(report.issues.messages.filter((m: { severity: number }) => m.severity <= 1)).toEqual([]);
    expect(numErrors).toBe(0);
    expect(numWarnings).toBe(0);
  });

  it('is deterministic: a second run gives identical bytes', () => {
    const again = generateDefaultAvatar().bytes;
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(again.length).toBe(bytes.length);
    expect(hash(again)).toBe(hash(bytes));
  });

  it(`is smaller than 1.5 MB`, () => {
    console.log(`size: ${(bytes.length / 1024).toFixed(0)} KiB`);
    expect(bytes.length).toBeLessThan(MAX_BYTES);
  });

  it('declares VRM 1.0 meta for the project with a CC0-like licence and a thumbnail', () => {
    const vrm = glb.json.extensions.VRMC_vrm;
    expect(vrm.specVersion).toBe('1.0');
    expect(vrm.meta).toMatchObject({
      name: 'rigcast default',
      authors: ['rigcast'],
      licenseUrl: 'https://vrm.dev/licenses/1.0/',
      avatarPermission: 'everyone',
      commercialUsage: 'corporation',
      allowRedistribution: true,
      modification: 'allowModificationRedistribution',
      creditNotation: 'unnecessary',
      otherLicenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    });
    const image = glb.json.images[vrm.meta.thumbnailImage];
    expect(image.mimeType).toBe('image/png');
    expect(glb.json.extensionsUsed).toEqual(expect.arrayContaining(['VRMC_vrm', 'VRMC_materials_mtoon', 'VRMC_springBone']));
  });

  it('has a T-pose humanoid with every bone but the jaw, nodes with translations only', () => {
    const bones = glb.json.extensions.VRMC_vrm.humanoid.humanBones;
    for (const name of REQUIRED_HUMANOID_BONE_NAMES) expect(bones[name], name).toBeDefined();
    const expected = HUMANOID_BONE_NAMES.filter((n) => n !== 'jaw');
    expect(Object.keys(bones).sort()).toEqual([...expected].sort());
    for (const node of glb.json.nodes) {
      expect(node.rotation).toBeUndefined();
      expect(node.scale).toBeUndefined();
    }
    // The avatar's left is +X and it faces +Z.
    const world = (name: string): number[] => {
      const idx = bones[name].node;
      const parentOf = new Map<number, number>();
      glb.json.nodes.forEach((n: { children?: number[] }, i: number) => n.children?.forEach((c) => parentOf.set(c, i)));
      const p = [0, 0, 0];
      for (let i: number | undefined = idx; i !== undefined; i = parentOf.get(i)) glb.json.nodes[i].translation?.forEach((v: number, c: number) => (p[c] += v));
      return p;
    };
    expect(world('leftHand')[0]).toBeGreaterThan(0.4);
    expect(world('rightHand')[0]).toBeLessThan(-0.4);
    expect(world('leftToes')[2]).toBeGreaterThan(world('leftFoot')[2]);
    expect(world('head')[1]).toBeGreaterThan(world('neck')[1]);
  });

  it('is one skinned mesh with one primitive per material, all MToon, and bone look-at', () => {
    expect(glb.json.meshes).toHaveLength(1);
    const prims = glb.json.meshes[0].primitives;
    expect(prims).toHaveLength(glb.json.materials.length);
    expect(new Set(prims.map((p: { material: number }) => p.material)).size).toBe(prims.length);
    for (const m of glb.json.materials) expect(m.extensions.VRMC_materials_mtoon.specVersion).toBe('1.0');
    for (const p of prims) {
      expect(Object.keys(p.attributes).sort()).toEqual(['JOINTS_0', 'NORMAL', 'POSITION', 'TEXCOORD_0', 'WEIGHTS_0']);
      expect(p.targets).toHaveLength(MORPH_NAMES.length);
    }
    expect(glb.json.extensions.VRMC_vrm.lookAt.type).toBe('bone');
    const vertices = prims.reduce((n: number, p: { attributes: { POSITION: number } }) => n + glb.json.accessors[p.attributes.POSITION].count, 0);
    console.log(`vertices: ${vertices}, primitives (draw calls before outlines): ${prims.length}`);
    expect(vertices).toBeGreaterThan(10_000);
    expect(vertices).toBeLessThan(40_000);
  });

  it('binds every VRM preset and all 52 ARKit names (as custom expressions) to morph targets', () => {
    const { preset, custom } = glb.json.extensions.VRMC_vrm.expressions;
    for (const name of RIG_EXPRESSION_NAMES) expect(preset[name]?.morphTargetBinds.length, name).toBeGreaterThan(0);
    expect(Object.keys(custom).sort()).toEqual([...ARKIT_BLENDSHAPE_NAMES].sort());
    for (const name of ARKIT_BLENDSHAPE_NAMES) {
      expect(custom[name].morphTargetBinds).toEqual([{ node: expect.any(Number), index: MORPH_NAMES.indexOf(name), weight: 1 }]);
    }
    expect(preset.happy.overrideBlink).toBe('blend');
    expect(preset.surprised.overrideBlink).toBe('blend');
    expect(preset.aa.overrideBlink).toBe('none');
  });

  it('moves a meaningful set of vertices in every morph target', () => {
    for (const name of MORPH_NAMES) {
      const s = summaries.get(name)!;
      expect(s.moved, name).toBeGreaterThanOrEqual(10);
      expect(s.maxDelta, name).toBeGreaterThan(0.0015);
    }
  });

  it('puts every "Left" shape on the avatar\'s left (+X) and every "Right" shape on its right', () => {
    // jawLeft, mouthLeft… name a direction, not a side: they are checked by where they move.
    const directions = new Set(['jawLeft', 'jawRight', 'mouthLeft', 'mouthRight']);
    for (const name of ARKIT_BLENDSHAPE_NAMES) {
      if (directions.has(name)) continue;
      const x = summaries.get(name)!.centroid[0];
      if (name.endsWith('Left')) expect(x, name).toBeGreaterThan(0.003);
      if (name.endsWith('Right')) expect(x, name).toBeLessThan(-0.003);
    }
  });

  it('moves each shape the way its name says', () => {
    const s = (n: string) => summaries.get(n)!;
    // Blinks close the eye: the upper lid comes down by about the eye's height.
    expect(s('eyeBlinkLeft').minDy).toBeLessThan(-0.015);
    expect(s('eyeBlinkRight').minDy).toBeLessThan(-0.015);
    expect(s('eyeWideLeft').maxDy).toBeGreaterThan(0.004);
    expect(s('eyeSquintLeft').maxDy).toBeGreaterThan(0.004);
    // Gaze shapes move the iris: out is away from the nose, in is toward it.
    expect(s('eyeLookOutLeft').mean[0]).toBeGreaterThan(0.002);
    expect(s('eyeLookInLeft').mean[0]).toBeLessThan(-0.002);
    expect(s('eyeLookOutRight').mean[0]).toBeLessThan(-0.002);
    expect(s('eyeLookInRight').mean[0]).toBeGreaterThan(0.002);
    expect(s('eyeLookUpLeft').mean[1]).toBeGreaterThan(0.001);
    expect(s('eyeLookDownLeft').mean[1]).toBeLessThan(-0.001);
    // Brows.
    expect(s('browInnerUp').maxDy).toBeGreaterThan(0.005);
    expect(s('browInnerUp').centroid[1]).toBeGreaterThan(1.33);
    expect(s('browDownLeft').minDy).toBeLessThan(-0.005);
    expect(s('browOuterUpLeft').centroid[0]).toBeGreaterThan(0.05);
    // Jaw and mouth.
    expect(s('jawOpen').minDy).toBeLessThan(-0.012);
    expect(s('jawOpen').centroid[1]).toBeLessThan(MOUTH_Y);
    expect(s('jawLeft').mean[0]).toBeGreaterThan(0.001);
    expect(s('jawRight').mean[0]).toBeLessThan(-0.001);
    expect(s('jawForward').mean[2]).toBeGreaterThan(0.001);
    expect(s('mouthLeft').mean[0]).toBeGreaterThan(0.002);
    expect(s('mouthRight').mean[0]).toBeLessThan(-0.002);
    expect(s('mouthSmileLeft').maxDy).toBeGreaterThan(0.005);
    expect(s('mouthFrownLeft').minDy).toBeLessThan(-0.005);
    expect(s('mouthFunnel').outward).toBeLessThan(0);
    expect(s('mouthPucker').outward).toBeLessThan(0);
    expect(s('mouthStretchLeft').outward).toBeGreaterThan(0);
    expect(s('mouthUpperUpLeft').maxDy).toBeGreaterThan(0.004);
    expect(s('mouthLowerDownLeft').minDy).toBeLessThan(-0.005);
    expect(s('tongueOut').minDy).toBeLessThan(-0.012);
    // Cheeks puff outward.
    expect(s('cheekPuff').outward).toBeGreaterThan(0);
    expect(s('cheekSquintLeft').maxDy).toBeGreaterThan(0.003);
  });
});
