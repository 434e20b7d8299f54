import { addGrid, type Grid } from './addGrid';
import type { MaterialSlot, MeshBuilder, SkinInfluence } from './MeshBuilder';
import { type Vec3, catmullRom, cross, dot, madd, normalize, scale, sub } from './vec3';

/** A tube swept along a smooth path: limbs, fingers, hair strands. */
export interface TubeOptions {
  slot: MaterialSlot;
  /** Control points of a Catmull–Rom path. */
  path: readonly Vec3[];
  /** Samples along the path and around it. */
  rows: number;
  cols: number;
  /** Half-widths of the cross-section at `t` in [0, 1]: along `side` and across it. */
  radius(t: number, angle: number): readonly [number, number];
  /** The direction the first half-width points to at `t` (projected off the tangent). */
  side(t: number): Vec3;
  uv(t: number, angle: number): readonly [number, number];
  skin(t: number, p: Vec3): SkinInfluence;
  /** Round the ends off (a pole a little beyond each end). */
  caps?: boolean;
}

/** Adds a swept tube; the grid's rows run along the path. */
export function addTube(mesh: MeshBuilder, o: TubeOptions): Grid {
  const frame = (t: number): { c: Vec3; s: Vec3; n: Vec3; tangent: Vec3 } => {
    const dt = 1e-3;
    const c = catmullRom(o.path, t);
    const tangent = normalize(sub(catmullRom(o.path, Math.min(1, t + dt)), catmullRom(o.path, Math.max(0, t - dt))));
    const side = o.side(t);
    const s = normalize(madd(side, tangent, -dot(side, tangent)));
    return { c, s, n: cross(tangent, s), tangent };
  };
  const point = (t: number, angle: number): Vec3 => {
    const f = frame(t);
    const [a, b] = o.radius(t, angle);
    return madd(madd(f.c, f.s, a * Math.cos(angle)), f.n, b * Math.sin(angle));
  };
  const cap = (t: number, dir: number) => {
    const f = frame(t);
    const [a, b] = o.radius(t, 0);
    const p = madd(f.c, f.tangent, dir * Math.min(a, b) * 0.8);
    return { position: p, uv: o.uv(t, 0), skin: o.skin(t, p), normal: scale(f.tangent, dir) };
  };
  return addGrid(mesh, {
    slot: o.slot,
    rows: o.rows,
    cols: o.cols,
    wrap: true,
    facing: 'closed',
    vertex: (r, c) => {
      const t = r / (o.rows - 1);
      const angle = (c / o.cols) * Math.PI * 2;
      const p = point(t, angle);
      return { position: p, uv: o.uv(t, angle), skin: o.skin(t, p) };
    },
    startCap: o.caps ? cap(0, -1) : undefined,
    endCap: o.caps ? cap(1, 1) : undefined,
  });
}
