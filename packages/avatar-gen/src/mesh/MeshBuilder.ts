import { type Vec3, cross, dot, normalize, sub } from './vec3';

/** Bone influences of one vertex: `[jointIndex, weight]` pairs (any number; the strongest four are kept). */
export type SkinInfluence = readonly (readonly [number, number])[];

/** The material groups of the avatar; each becomes one glTF primitive (one draw call, plus MToon's outline). */
export const MaterialSlot = { Body: 0, Hair: 1, Face: 2 } as const;
export type MaterialSlot = (typeof MaterialSlot)[keyof typeof MaterialSlot];
export const MATERIAL_SLOTS: readonly MaterialSlot[] = Object.values(MaterialSlot);

/** Everything one vertex carries. */
export interface VertexSpec {
  position: Vec3;
  uv: readonly [number, number];
  skin: SkinInfluence;
  /** A fixed normal; when absent the normal is the area-weighted average of the faces around the vertex. */
  normal?: Vec3;
}

/**
 * Collects the avatar's vertices, triangles (per material slot) and morph target deltas.
 * Vertex ids are global; {@link MeshBuilder.primitives} splits them per slot.
 */
export class MeshBuilder {
  readonly positions: Vec3[] = [];
  readonly uvs: (readonly [number, number])[] = [];
  readonly skins: [number, number, number, number, number, number, number, number][] = [];
  readonly slots: MaterialSlot[] = [];
  private readonly fixedNormals: (Vec3 | undefined)[] = [];
  readonly triangles = new Map<MaterialSlot, number[]>(MATERIAL_SLOTS.map((s) => [s, []]));
  /** Morph name → (vertex id → delta). */
  readonly morphs = new Map<string, Map<number, Vec3>>();

  get vertexCount(): number {
    return this.positions.length;
  }

  addVertex(slot: MaterialSlot, v: VertexSpec): number {
    const influences = [...v.skin].filter(([, w]) => w > 1e-4).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 4);
    if (influences.length === 0) throw new Error('MeshBuilder: a vertex needs at least one bone influence');
    const total = influences.reduce((s, [, w]) => s + w, 0);
    const packed: [number, number, number, number, number, number, number, number] = [0, 0, 0, 0, 0, 0, 0, 0];
    influences.forEach(([j, w], i) => {
      packed[i] = j;
      packed[4 + i] = w / total;
    });
    this.positions.push(v.position);
    this.uvs.push(v.uv);
    this.skins.push(packed);
    this.slots.push(slot);
    this.fixedNormals.push(v.normal ? normalize(v.normal) : undefined);
    return this.positions.length - 1;
  }

  addTriangle(a: number, b: number, c: number): void {
    const slot = this.slots[a];
    if (this.slots[b] !== slot || this.slots[c] !== slot) throw new Error('MeshBuilder: a triangle must stay in one material slot');
    this.triangles.get(slot)!.push(a, b, c);
  }

  /** Records where vertex `id` moves (relative) in morph `name`; tiny deltas are dropped. */
  setMorphDelta(name: string, id: number, delta: Vec3): void {
    if (Math.abs(delta[0]) + Math.abs(delta[1]) + Math.abs(delta[2]) < 5e-5) return;
    let m = this.morphs.get(name);
    if (!m) this.morphs.set(name, (m = new Map()));
    m.set(id, delta);
  }

  /** Unit normals: the fixed ones, and area-weighted face normals for the rest. */
  computeNormals(): Vec3[] {
    const acc: Vec3[] = this.positions.map(() => [0, 0, 0]);
    for (const tris of this.triangles.values()) {
      for (let i = 0; i < tris.length; i += 3) {
        const [a, b, c] = [tris[i], tris[i + 1], tris[i + 2]];
        const n = cross(sub(this.positions[b], this.positions[a]), sub(this.positions[c], this.positions[a]));
        for (const v of [a, b, c]) {
          acc[v][0] += n[0];
          acc[v][1] += n[1];
          acc[v][2] += n[2];
        }
      }
    }
    // Vertices that share a position (texture seams) share their normal, so seams do not show.
    const welded = new Map<string, Vec3>();
    acc.forEach((n, i) => {
      const key = `${this.slots[i]}:${this.positions[i].map((v) => v.toFixed(6)).join(',')}`;
      const sum = welded.get(key);
      if (sum) for (let c = 0; c < 3; c++) sum[c] += n[c];
      else welded.set(key, [...n]);
    });
    return acc.map((_, i) => this.fixedNormals[i] ?? normalize(welded.get(`${this.slots[i]}:${this.positions[i].map((v) => v.toFixed(6)).join(',')}`)!));
  }

  /** Signed volume of the triangles `tris` (positive when they wind counter-clockwise seen from outside). */
  signedVolume(tris: readonly number[]): number {
    // Measured from the part's centroid, so that a surface left open (a skirt's waist) still reads right.
    const c: Vec3 = [0, 0, 0];
    for (const i of tris) for (let k = 0; k < 3; k++) c[k] += this.positions[i][k] / tris.length;
    let v = 0;
    for (let i = 0; i < tris.length; i += 3) {
      const a = sub(this.positions[tris[i]], c);
      v += dot(a, cross(sub(this.positions[tris[i + 1]], c), sub(this.positions[tris[i + 2]], c)));
    }
    return v / 6;
  }
}
