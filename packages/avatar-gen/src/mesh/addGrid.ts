import type { MaterialSlot, MeshBuilder, VertexSpec } from './MeshBuilder';
import { type Vec3, cross, dot, sub } from './vec3';

/** A rows × columns grid of vertices, optionally wrapped around and closed with a pole at each end. */
export interface GridOptions {
  slot: MaterialSlot;
  rows: number;
  cols: number;
  /** Connect the last column back to the first (tubes, spheres). */
  wrap: boolean;
  vertex(row: number, col: number): VertexSpec;
  /** A pole vertex joined to row 0. */
  startCap?: VertexSpec;
  /** A pole vertex joined to the last row. */
  endCap?: VertexSpec;
  /**
   * How to wind the triangles: `'closed'` makes a closed surface face outward (by signed volume);
   * a point makes an open surface face away from it.
   */
  facing: 'closed' | Vec3;
}

/** What {@link addGrid} made: vertex ids by row and column, the poles and the triangles. */
export interface Grid {
  ids: number[][];
  startCap?: number;
  endCap?: number;
  triangles: number[];
}

/** Adds a parametric surface to `mesh`; the surface patch is the building block of every part. */
export function addGrid(mesh: MeshBuilder, o: GridOptions): Grid {
  const ids: number[][] = [];
  for (let r = 0; r < o.rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < o.cols; c++) row.push(mesh.addVertex(o.slot, o.vertex(r, c)));
    ids.push(row);
  }
  const tris: number[] = [];
  const colEnd = o.wrap ? o.cols : o.cols - 1;
  for (let r = 0; r < o.rows - 1; r++) {
    for (let c = 0; c < colEnd; c++) {
      const c1 = (c + 1) % o.cols;
      const a = ids[r][c], b = ids[r][c1], d = ids[r + 1][c], e = ids[r + 1][c1];
      tris.push(a, d, b, b, d, e);
    }
  }
  const grid: Grid = { ids, triangles: tris };
  if (o.startCap) {
    const p = (grid.startCap = mesh.addVertex(o.slot, o.startCap));
    for (let c = 0; c < colEnd; c++) tris.push(p, ids[0][c], ids[0][(c + 1) % o.cols]);
  }
  if (o.endCap) {
    const p = (grid.endCap = mesh.addVertex(o.slot, o.endCap));
    const last = ids[o.rows - 1];
    for (let c = 0; c < colEnd; c++) tris.push(p, last[(c + 1) % o.cols], last[c]);
  }
  let flip: boolean;
  if (o.facing === 'closed') {
    flip = mesh.signedVolume(tris) < 0;
  } else {
    let score = 0;
    for (let i = 0; i < tris.length; i += 3) {
      const [a, b, c] = [mesh.positions[tris[i]], mesh.positions[tris[i + 1]], mesh.positions[tris[i + 2]]];
      score += Math.sign(dot(cross(sub(b, a), sub(c, a)), sub(a, o.facing)));
    }
    flip = score < 0;
  }
  for (let i = 0; i < tris.length; i += 3) {
    if (flip) [tris[i + 1], tris[i + 2]] = [tris[i + 2], tris[i + 1]];
    mesh.addTriangle(tris[i], tris[i + 1], tris[i + 2]);
  }
  return grid;
}
