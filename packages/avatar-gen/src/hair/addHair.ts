import { headPoint } from '../face/headShape';
import { paletteUv, regionUv } from '../look/TextureAtlas';
import { addGrid } from '../mesh/addGrid';
import { addTube } from '../mesh/addTube';
import { MaterialSlot, type MeshBuilder, type SkinInfluence } from '../mesh/MeshBuilder';
import { type Vec3, catmullRom, cross, madd, normalize, smoothstep, sub } from '../mesh/vec3';
import { blendAlong } from '../rig/blendAlong';
import { BODY } from '../rig/BODY';
import type { Skeleton } from '../rig/Skeleton';
import type { SpringBoneChain } from '../vrm/SpringBoneChain';

const DEG = Math.PI / 180;
const C = BODY.headCenter;

/** A point `lift` (fraction of the radius) above the head surface at elevation/azimuth in degrees. */
function shell(elDeg: number, azDeg: number, lift: number): Vec3 {
  const p = headPoint(elDeg * DEG, azDeg * DEG);
  return [C[0] + (p[0] - C[0]) * (1 + lift), C[1] + (p[1] - C[1]) * (1 + lift), C[2] + (p[2] - C[2]) * (1 + lift)];
}

/** The hairline's elevation (radians) at azimuth `az`: high on the forehead, low at the nape. */
function hairline(az: number): number {
  const a = Math.abs(Math.atan2(Math.sin(az), Math.cos(az)));
  const table = [
    [0, 34],
    [50, 26],
    [75, 0],
    [95, -25],
    [130, -55],
    [180, -62],
  ];
  for (let i = 0; i < table.length - 1; i++) {
    const [a0, e0] = table[i];
    const [a1, e1] = table[i + 1];
    if (a / DEG <= a1) return (e0 + ((e1 - e0) * (a / DEG - a0)) / (a1 - a0)) * DEG;
  }
  return table[table.length - 1][1] * DEG;
}

/** Horizontal direction around the head at `p` (the width direction of a strand). */
function around(p: Vec3): Vec3 {
  return normalize([p[2] - (C[2] - 0.01), 0, -p[0]]);
}

interface StrandSpec {
  path: Vec3[];
  width: number;
  thickness: number;
  /** Skin: the chain of joints this strand follows, with the path parameter where each takes over. */
  joints: number[];
  starts: number[];
  rows?: number;
  /** Width profile exponent near the tip: < 1 blunt, > 1 sharp. */
  taper?: number;
  /** Exponent of the tip's narrowing: > 1 gives a sharp point. */
  tipShape?: number;
}

function addStrand(mesh: MeshBuilder, s: StrandSpec): void {
  addTube(mesh, {
    slot: MaterialSlot.Hair,
    path: s.path,
    rows: s.rows ?? 12,
    cols: 8,
    radius: (t) => {
      const tipStart = s.taper ?? 0.55;
      const tip = Math.min(1, Math.max(0, (1 - t) / (1 - tipStart))) ** (s.tipShape ?? 0.85);
      const root = 0.8 + 0.2 * smoothstep(0, 0.3, t);
      return [s.width * tip * root + 0.0006, s.thickness * (0.4 + 0.6 * (1 - t)) + 0.0004];
    },
    side: (t) => around(catmullRom(s.path, t)),
    uv: (t) => regionUv('hairStrand', 0.5, t),
    skin: (t): SkinInfluence => blendAlong(t, s.joints, s.starts, 0.06),
    caps: true,
  });
}

/**
 * The hair: a cap whose edge is the hairline, bangs, side locks, long back hair and an ahoge.
 * Adds spring bones for the long strands and returns their chains for `VRMC_springBone`.
 */
export function addHair(mesh: MeshBuilder, s: Skeleton): SpringBoneChain[] {
  const head = s.index('head');
  const chains: SpringBoneChain[] = [];
  const hanging = (name: string, points: Vec3[], settings: Partial<SpringBoneChain> = {}): number[] => {
    const bones = points.map((p, i) => {
      s.add(`${name}${i}`, i === 0 ? 'head' : `${name}${i - 1}`, p);
      return `${name}${i}`;
    });
    chains.push({ name, bones, stiffness: 0.7, gravityPower: 0.25, dragForce: 0.45, hitRadius: 0.02, ...settings });
    return bones.map((b) => s.index(b));
  };

  // Cap: the head's shape pushed out where there is hair and sunk inside elsewhere, so its
  // edge against the skin draws the hairline.
  const rows = 36;
  const cols = 60;
  const capPoint = (el: number, az: number): Vec3 => {
    const hl = hairline(az);
    const outside = smoothstep(hl - 0.1, hl + 0.04, el);
    const lift = -0.08 + 0.17 * outside + 0.04 * Math.max(0, Math.sin(el)) + 0.035 * Math.max(0, -Math.cos(az)) * outside;
    return shell(el / DEG, az / DEG, lift);
  };
  addGrid(mesh, {
    slot: MaterialSlot.Hair,
    rows,
    cols,
    wrap: true,
    facing: 'closed',
    vertex: (r, c) => {
      const el = Math.PI / 2 - (Math.PI * (r + 1)) / (rows + 1);
      const az = (Math.PI * 2 * c) / cols;
      return { position: capPoint(el, az), uv: regionUv('hairCap', 0.5, (Math.PI / 2 - el) / (Math.PI * 0.62)), skin: [[head, 1]] };
    },
    startCap: { position: capPoint(Math.PI / 2, 0), uv: regionUv('hairCap', 0.5, 0), skin: [[head, 1]] },
    endCap: { position: capPoint(-Math.PI / 2, 0), uv: regionUv('hairCap', 0.5, 1), skin: [[head, 1]] },
  });

  // Bangs: pointed strands from the crown over the forehead, swept a little to the avatar's right.
  const BANGS = [
    [-70, 22, 0.85], [-56, 15, 1.0], [-42, 10, 1.0], [-28, 15, 1.0], [-14, 9, 1.05], [0, 13, 1.0], [14, 8, 1.05], [28, 14, 1.0], [42, 10, 1.0], [56, 16, 1.0], [70, 22, 0.85],
  ] as const;
  for (const [az, tipEl, w] of BANGS) {
    const sweep = -6;
    const path: Vec3[] = [
      shell(66, az * 0.6, 0.03),
      shell(50, az * 0.85, 0.065),
      shell(32, az + sweep * 0.4, 0.075),
      shell(tipEl + 6, az + sweep * 0.8, 0.06),
      shell(tipEl, az + sweep, 0.05),
    ];
    addStrand(mesh, { path, width: 0.021 * w, thickness: 0.007, joints: [head], starts: [0], taper: 0.42, tipShape: 1.35 });
  }

  // Temple strands: cover the hairline between the outer bangs and the side locks.
  for (const k of [1, -1]) {
    const path: Vec3[] = [shell(58, k * 58, 0.03), shell(34, k * 66, 0.085), shell(10, k * 71, 0.08), shell(-10, k * 73, 0.065)];
    addStrand(mesh, { path, width: 0.024, thickness: 0.007, joints: [head], starts: [0], taper: 0.45, tipShape: 1.3 });
  }

  // Side locks in front of the ears, with spring bones.
  for (const k of [1, -1]) {
    const side = k > 0 ? 'Left' : 'Right';
    const hang: Vec3[] = [
      [k * 0.108, 1.24, 0.05],
      [k * 0.11, 1.16, 0.048],
      [k * 0.107, 1.08, 0.05],
      [k * 0.1, 1.01, 0.052],
    ];
    const joints = hanging(`hairSide${side}`, hang, { stiffness: 0.9, gravityPower: 0.15 });
    const path: Vec3[] = [shell(50, k * 76, 0.04), shell(15, k * 84, 0.075), shell(-15, k * 82, 0.07), ...hang];
    addStrand(mesh, { path, width: 0.026, thickness: 0.009, joints: [head, ...joints.slice(0, 3)], starts: [0, 0.4, 0.62, 0.82], rows: 16, taper: 0.7 });
    // A shorter strand behind it, covering the gap above the shoulder.
    const path2: Vec3[] = [shell(48, k * 100, 0.03), shell(0, k * 104, 0.08), shell(-30, k * 108, 0.085), [k * 0.128, 1.15, -0.035], [k * 0.133, 1.09, -0.05]];
    addStrand(mesh, { path: path2, width: 0.034, thickness: 0.009, joints: [head, joints[0], joints[1]], starts: [0, 0.55, 0.8], rows: 18 });
  }

  // Long back hair: strands down to the shoulder blades, four spring chains.
  const BACK = [118, 134, 146, 158, 170, 182, 194, 206, 218, 230, 242] as const;
  const chainJoints: number[][] = [];
  const chainAz = [135, 162, 198, 225];
  chainAz.forEach((az, i) => {
    const a = az * DEG;
    const hx = Math.sin(a) * 0.15;
    const hz = -0.03 + Math.cos(a) * 0.12;
    chainJoints.push(hanging(`hairBack${i}`, [[hx * 0.95, 1.23, hz * 0.95], [hx, 1.13, hz], [hx * 1.05, 1.03, hz * 1.02], [hx * 1.08, 0.94, hz * 1.02]]));
  });
  for (const az of BACK) {
    const a = az * DEG;
    const nearest = chainAz.reduce((best, c, i) => (Math.abs(c - az) < Math.abs(chainAz[best] - az) ? i : best), 0);
    const hx = Math.sin(a) * 0.15;
    const hz = -0.03 + Math.cos(a) * 0.12;
    const len = 0.92 + 0.03 * Math.cos(az * 0.09);
    const path: Vec3[] = [
      shell(58, az, 0.03),
      shell(10, az, 0.075),
      shell(-35, az, 0.1),
      [hx, 1.13, hz],
      [hx * 1.05, 1.03, hz * 1.02],
      [hx * 1.08, len, hz * 1.02],
    ];
    const j = chainJoints[nearest];
    addStrand(mesh, { path, width: 0.04, thickness: 0.009, joints: [head, j[0], j[1], j[2]], starts: [0, 0.45, 0.62, 0.8], rows: 16, taper: 0.8, tipShape: 1.2 });
  }

  // Ahoge: one springy strand curling up from the crown.
  const ahoge = hanging('hairAhoge', [[0.003, 1.488, 0.012], [0.008, 1.51, 0.03], [0.016, 1.512, 0.05]], { stiffness: 1.6, gravityPower: 0.05, dragForce: 0.3, hitRadius: 0.01 });
  addStrand(mesh, {
    path: [shell(78, 0, 0.06), [0.003, 1.488, 0.012], [0.008, 1.51, 0.03], [0.016, 1.512, 0.05], [0.022, 1.503, 0.062]],
    width: 0.007,
    thickness: 0.0028,
    joints: [head, ...ahoge.slice(0, 2)],
    starts: [0, 0.3, 0.6],
    rows: 14,
  });
  addHairClip(mesh, head);
  return chains;
}

/** A small red ribbon clip above the avatar's left temple: a knot and two loops lying on the hair. */
function addHairClip(mesh: MeshBuilder, head: number): void {
  const knot = shell(40, 52, 0.2);
  const normal = normalize(sub(knot, C));
  const along = normalize(cross(normal, [0, 0, 1])); // across the head, roughly up and over
  const across = normalize(cross(normal, along));
  const skin: SkinInfluence = [[head, 1]];
  const uv = () => paletteUv('Ribbon');
  for (const dir of [1, -1]) {
    addTube(mesh, {
      slot: MaterialSlot.Body,
      path: [knot, madd(knot, across, dir * 0.014), madd(madd(knot, across, dir * 0.026), along, 0.004)],
      rows: 8,
      cols: 10,
      radius: (t) => [0.003 + 0.0085 * Math.sin(Math.PI * Math.min(1, t * 1.1)), 0.003],
      side: () => along,
      uv,
      skin: () => skin,
      caps: true,
    });
  }
  addTube(mesh, {
    slot: MaterialSlot.Body,
    path: [madd(knot, normal, -0.003), madd(knot, normal, 0.004)],
    rows: 3,
    cols: 10,
    radius: () => [0.0055, 0.005],
    side: () => along,
    uv,
    skin: () => skin,
    caps: true,
  });
}
