import { type Vec3, normalize } from '../mesh/vec3';

const CELL = 0.004;

/** A hit on the surface: the point and the smooth normal there. */
export interface SurfaceHit {
  position: Vec3;
  normal: Vec3;
}

/**
 * Projects points of the XY plane onto the front of a triangle surface along −Z (the face
 * decals: eyes, brows, mouth, blush). Triangles are binned in a 2D grid for speed.
 */
export class SurfaceProjector {
  private readonly bins = new Map<number, number[]>();

  constructor(
    private readonly positions: readonly Vec3[],
    private readonly normals: readonly Vec3[],
    private readonly triangles: readonly number[],
  ) {
    for (let t = 0; t < triangles.length; t += 3) {
      const [a, b, c] = [positions[triangles[t]], positions[triangles[t + 1]], positions[triangles[t + 2]]];
      if (a[2] < 0 && b[2] < 0 && c[2] < 0) continue;
      const x0 = Math.floor(Math.min(a[0], b[0], c[0]) / CELL);
      const x1 = Math.floor(Math.max(a[0], b[0], c[0]) / CELL);
      const y0 = Math.floor(Math.min(a[1], b[1], c[1]) / CELL);
      const y1 = Math.floor(Math.max(a[1], b[1], c[1]) / CELL);
      for (let i = x0; i <= x1; i++) {
        for (let j = y0; j <= y1; j++) {
          const key = i * 100000 + j;
          let bin = this.bins.get(key);
          if (!bin) this.bins.set(key, (bin = []));
          bin.push(t);
        }
      }
    }
  }

  /** The frontmost surface point above (x, y), lifted `offset` metres along the normal. */
  project(x: number, y: number, offset = 0): SurfaceHit {
    const bin = this.bins.get(Math.floor(x / CELL) * 100000 + Math.floor(y / CELL)) ?? [];
    let best: SurfaceHit | null = null;
    for (const t of bin) {
      const ia = this.triangles[t], ib = this.triangles[t + 1], ic = this.triangles[t + 2];
      const a = this.positions[ia], b = this.positions[ib], c = this.positions[ic];
      const det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1]);
      if (Math.abs(det) < 1e-14) continue;
      const l1 = ((b[1] - c[1]) * (x - c[0]) + (c[0] - b[0]) * (y - c[1])) / det;
      const l2 = ((c[1] - a[1]) * (x - c[0]) + (a[0] - c[0]) * (y - c[1])) / det;
      const l3 = 1 - l1 - l2;
      const eps = -1e-9;
      if (l1 < eps || l2 < eps || l3 < eps) continue;
      const z = l1 * a[2] + l2 * b[2] + l3 * c[2];
      if (best && z <= best.position[2]) continue;
      const na = this.normals[ia], nb = this.normals[ib], nc = this.normals[ic];
      const n = normalize([l1 * na[0] + l2 * nb[0] + l3 * nc[0], l1 * na[1] + l2 * nb[1] + l3 * nc[1], l1 * na[2] + l2 * nb[2] + l3 * nc[2]]);
      best = { position: [x, y, z], normal: n };
    }
    if (!best) throw new Error(`SurfaceProjector: no head surface in front of (${x.toFixed(4)}, ${y.toFixed(4)}); a face feature or morph moved off the face — keep it inside the head outline`);
    const p = best.position;
    const n = best.normal;
    return { position: [p[0] + n[0] * offset, p[1] + n[1] * offset, p[2] + n[2] * offset], normal: n };
  }
}

/** Area-weighted vertex normals of a triangle list. */
export function vertexNormals(positions: readonly Vec3[], triangles: readonly number[]): Vec3[] {
  const acc: Vec3[] = positions.map(() => [0, 0, 0]);
  for (let t = 0; t < triangles.length; t += 3) {
    const [ia, ib, ic] = [triangles[t], triangles[t + 1], triangles[t + 2]];
    const a = positions[ia], b = positions[ib], c = positions[ic];
    const u: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const v: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const n: Vec3 = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    for (const i of [ia, ib, ic]) for (let k = 0; k < 3; k++) acc[i][k] += n[k];
  }
  return acc.map((n) => normalize(n));
}
