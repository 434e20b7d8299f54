import { addGrid } from '../mesh/addGrid';
import { addTube } from '../mesh/addTube';
import { MaterialSlot, type MeshBuilder } from '../mesh/MeshBuilder';
import { type Vec3, smoothstep } from '../mesh/vec3';
import { LEG_RANGE, SLEEVE_RANGE, paletteUv, regionUv } from '../look/TextureAtlas';
import { SHOE_HEIGHT } from '../look/Outfit';
import { blendAlong } from '../rig/blendAlong';
import { BODY } from '../rig/BODY';
import { FINGERS, FINGER_NAMES, THUMB_JOINTS, sideSign } from '../rig/createSkeleton';
import type { Skeleton } from '../rig/Skeleton';
import { profile } from './profile';

// distance from the centre line (x), radius
const ARM: readonly (readonly number[])[] = [
  [0.06, 0.044],
  [0.1, 0.041],
  [0.16, 0.035],
  [0.33, 0.03],
  [0.47, 0.029],
  [0.53, 0.034],
  [0.548, 0.034],
  [0.56, 0.024],
];
// height, radius
const LEG: readonly (readonly number[])[] = [
  [0.78, 0.066],
  [0.66, 0.058],
  [0.47, 0.043],
  [0.42, 0.041],
  [0.3, 0.043],
  [0.13, 0.029],
  [0.07, 0.027],
];

/** Arms with sleeves, hands with five fingers, legs with socks, and shoes. */
export function addLimbs(mesh: MeshBuilder, s: Skeleton): void {
  for (const side of ['left', 'right'] as const) {
    const k = sideSign(side);
    const j = (n: string) => s.index(`${side}${n}`);
    // Arm: along ±X from inside the torso to the wrist.
    const armChain = [j('Shoulder'), j('UpperArm'), j('LowerArm'), j('Hand')];
    const armStarts = [0, 0.1, BODY.elbowX, BODY.wristX + 0.005];
    const x0 = ARM[0][0];
    const x1 = ARM[ARM.length - 1][0];
    addTube(mesh, {
      slot: MaterialSlot.Body,
      path: [[k * x0, BODY.shoulderY - 0.004, -0.005], [k * 0.3, BODY.shoulderY, -0.007], [k * x1, BODY.shoulderY, -0.005]],
      rows: 26,
      cols: 16,
      radius: (t) => {
        const r = profile(ARM, x0 + (x1 - x0) * t)[0];
        return [r * 0.95, r];
      },
      side: () => [0, 0, 1],
      uv: (t) => regionUv('sleeve', 0.5, (x0 + (x1 - x0) * t - SLEEVE_RANGE[0]) / (SLEEVE_RANGE[1] - SLEEVE_RANGE[0])),
      skin: (_t, p) => blendAlong(Math.abs(p[0]), armChain, armStarts, 0.03),
    });

    // Palm: a flattened ellipsoid just past the wrist.
    const hand = s.position(`${side}Hand`);
    const palmCenter: Vec3 = [hand[0] + k * 0.042, hand[1] - 0.002, hand[2] + 0.0];
    const handSkin = (p: Vec3) => blendAlong(Math.abs(p[0]), [j('LowerArm'), j('Hand')], [0, BODY.wristX + 0.008], 0.01);
    const pr = 14;
    const pc = 16;
    addGrid(mesh, {
      slot: MaterialSlot.Body,
      rows: pr,
      cols: pc,
      wrap: true,
      facing: 'closed',
      vertex: (r, c) => {
        const el = Math.PI * ((r + 1) / (pr + 1) - 0.5);
        const az = (c / pc) * Math.PI * 2;
        const p: Vec3 = [
          palmCenter[0] + k * 0.044 * Math.sin(el),
          palmCenter[1] + 0.0155 * Math.cos(el) * Math.sin(az),
          palmCenter[2] + 0.041 * Math.cos(el) * Math.cos(az),
        ];
        return { position: p, uv: paletteUv('Skin'), skin: handSkin(p) };
      },
      startCap: { position: [palmCenter[0] - k * 0.044, palmCenter[1], palmCenter[2]], uv: paletteUv('Skin'), skin: handSkin(palmCenter) },
      endCap: { position: [palmCenter[0] + k * 0.044, palmCenter[1], palmCenter[2]], uv: paletteUv('Skin'), skin: [[j('Hand'), 1]] },
    });

    // Fingers: tubes along their bone chains, weights blended at the knuckles.
    const finger = (names: string[], points: Vec3[], radius: number) => {
      const chain = names.map((n) => j(n));
      const cum = [0];
      for (let i = 1; i < points.length; i++) cum.push(cum[i - 1] + Math.hypot(...(points[i].map((v, c) => v - points[i - 1][c]) as Vec3)));
      const total = cum[cum.length - 1];
      const starts = [0, ...cum.slice(1, chain.length).map((d) => d / total)];
      addTube(mesh, {
        slot: MaterialSlot.Body,
        path: points,
        rows: 4 * (points.length - 1) + 1,
        cols: 8,
        radius: (t) => [radius * (1 - 0.22 * t), radius * 0.92 * (1 - 0.22 * t)],
        side: () => [0, 0, 1],
        uv: () => paletteUv('Skin'),
        skin: (t) => blendAlong(t, chain, starts, 0.04),
        caps: true,
      });
    };
    const thumbPoints = THUMB_JOINTS.map((o): Vec3 => [hand[0] + k * o[0], hand[1] + o[1], hand[2] + o[2]]);
    finger(['Hand', 'ThumbMetacarpal', 'ThumbProximal', 'ThumbDistal'], [[hand[0] + k * 0.004, hand[1] - 0.004, hand[2] + 0.01], ...thumbPoints], 0.0105);
    for (const name of FINGER_NAMES) {
      const f = FINGERS[name];
      const segs = ['Proximal', 'Intermediate', 'Distal'].map((seg) => `${name}${seg}`);
      const root = s.position(`${side}${segs[0]}`);
      const points: Vec3[] = [[root[0] - k * 0.012, root[1], root[2]]];
      let x = root[0];
      points.push([x, root[1], root[2]]);
      for (const len of f.lengths) {
        x += k * len;
        points.push([x, root[1], root[2]]);
      }
      finger(['Hand', ...segs], points, name === 'Little' ? 0.0066 : 0.0076);
    }

    // Leg: straight down, skin above the knee socks.
    const legChain = [j('UpperLeg'), j('LowerLeg'), j('Foot')];
    const legX = k * BODY.legX;
    const yTop = LEG[0][0];
    const yBottom = LEG[LEG.length - 1][0];
    addTube(mesh, {
      slot: MaterialSlot.Body,
      path: [[legX, yTop, 0], [legX * 0.98, BODY.kneeY, 0.004], [legX, yBottom, -0.008]],
      rows: 28,
      cols: 16,
      radius: (t) => {
        const r = profile(LEG, yTop + (yBottom - yTop) * t)[0];
        return [r, r];
      },
      side: () => [1, 0, 0],
      uv: (t) => regionUv('leg', 0.5, (yTop + (yBottom - yTop) * t - LEG_RANGE[0]) / (LEG_RANGE[1] - LEG_RANGE[0])),
      skin: (_t, p) => blendAlong(-p[1], legChain, [-1, -BODY.kneeY, -BODY.ankleY + 0.005], 0.035),
      caps: true,
    });

    // Shoe: a rounded loafer, sole flattened.
    const sr = 14;
    const sc = 18;
    const toes = s.position(`${side}Toes`);
    const shoeSkin = (p: Vec3) => blendAlong(p[2], [j('Foot'), j('Toes')], [-1, toes[2] - 0.01], 0.02);
    const shoe = (r: number, c: number): Vec3 => {
      const el = Math.PI * ((r + 1) / (sr + 1) - 0.5);
      const az = (c / sc) * Math.PI * 2;
      const fz = Math.cos(el) * Math.cos(az);
      const y = 0.05 + 0.05 * Math.sin(el);
      const widen = 1 + 0.25 * smoothstep(-0.2, 0.8, fz);
      return [legX + 0.037 * widen * Math.cos(el) * Math.sin(az), Math.max(0.006, y - 0.018 * smoothstep(-0.3, 0.9, fz) * smoothstep(0.03, 0.08, y)), 0.03 + 0.095 * fz];
    };
    addGrid(mesh, {
      slot: MaterialSlot.Body,
      rows: sr,
      cols: sc,
      wrap: true,
      facing: 'closed',
      vertex: (r, c) => {
        const p = shoe(r, c);
        return { position: p, uv: regionUv('shoe', 0.5, p[1] / SHOE_HEIGHT), skin: shoeSkin(p) };
      },
      startCap: { position: [legX, 0.0, 0.03], uv: paletteUv('Sole'), skin: [[j('Foot'), 1]] },
      endCap: { position: [legX, 0.1, 0.03], uv: paletteUv('Shoe'), skin: [[j('Foot'), 1]] },
    });
  }
}
