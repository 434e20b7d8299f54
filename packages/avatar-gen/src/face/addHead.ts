import { paletteUv } from '../look/TextureAtlas';
import { addGrid } from '../mesh/addGrid';
import { MaterialSlot, type MeshBuilder } from '../mesh/MeshBuilder';
import { type Vec3, sub } from '../mesh/vec3';
import { BODY } from '../rig/BODY';
import type { Skeleton } from '../rig/Skeleton';
import { MORPH_NAMES } from '../vrm/expressionPresets';
import { buildFacePatches, type FacePatch } from './buildFacePatches';
import { deformHead } from './deformHead';
import { createNeutralFaceParams } from './FaceParams';
import { headPoint } from './headShape';
import { MORPH_RECIPES } from './morphRecipes';
import { SurfaceProjector, vertexNormals } from './SurfaceProjector';

const HEAD_ROWS = 46;
const HEAD_COLS = 60;

/**
 * The head skin, ears and every face decal, plus all morph targets of the face: each morph is
 * the same face rebuilt with its recipe's parameters, minus the neutral face.
 */
export function addHead(mesh: MeshBuilder, s: Skeleton): void {
  const head = s.index('head');
  const skinUv = paletteUv('Skin');
  const grid = addGrid(mesh, {
    slot: MaterialSlot.Body,
    rows: HEAD_ROWS,
    cols: HEAD_COLS,
    wrap: true,
    facing: 'closed',
    vertex: (r, c) => ({ position: headPoint(Math.PI / 2 - (Math.PI * (r + 1)) / (HEAD_ROWS + 1), (Math.PI * 2 * c) / HEAD_COLS), uv: skinUv, skin: [[head, 1]] }),
    startCap: { position: headPoint(Math.PI / 2, 0), uv: skinUv, skin: [[head, 1]] },
    endCap: { position: headPoint(-Math.PI / 2, 0), uv: skinUv, skin: [[head, 1]] },
  });
  const skinIds = [...grid.ids.flat(), grid.startCap!, grid.endCap!];
  const local = new Map(skinIds.map((g, i) => [g, i]));
  const localTris = grid.triangles.map((g) => local.get(g)!);
  const neutralSkin = skinIds.map((g) => mesh.positions[g]);

  for (const k of [1, -1]) {
    const c: Vec3 = [k * 0.113, 1.3, -0.004];
    addGrid(mesh, {
      slot: MaterialSlot.Body,
      rows: 8,
      cols: 12,
      wrap: true,
      facing: 'closed',
      vertex: (r, col) => {
        const el = Math.PI * ((r + 1) / 9 - 0.5);
        const az = (col / 12) * Math.PI * 2;
        return { position: [c[0] + k * 0.008 * Math.cos(el) * Math.cos(az), c[1] + 0.021 * Math.sin(el), c[2] + 0.014 * Math.cos(el) * Math.sin(az)], uv: paletteUv('Ear'), skin: [[head, 1]] };
      },
      startCap: { position: [c[0], c[1] - 0.021, c[2]], uv: paletteUv('Ear'), skin: [[head, 1]] },
      endCap: { position: [c[0], c[1] + 0.021, c[2]], uv: paletteUv('Ear'), skin: [[head, 1]] },
    });
  }

  const project = (patches: FacePatch[], skin: readonly Vec3[], reuse?: SurfaceProjector): Vec3[][] => {
    const onto = reuse ?? new SurfaceProjector(skin, vertexNormals(skin, localTris), localTris);
    return patches.map((p) => {
      const pts = p.center ? [p.center.point, ...p.points] : p.points;
      return pts.map(([x, y]) => onto.project(x, y, p.offset).position);
    });
  };

  const neutral = createNeutralFaceParams();
  const patches = buildFacePatches(neutral);
  const projector = new SurfaceProjector(neutralSkin, vertexNormals(neutralSkin, localTris), localTris);
  const inside: Vec3 = [0, BODY.headCenter[1], 0];
  const patchIds: number[][] = patches.map((p) => {
    const joint = s.index(p.joint);
    const hitAt = (xy: [number, number]) => projector.project(xy[0], xy[1], p.offset);
    const center = p.center ? hitAt(p.center.point) : undefined;
    const g = addGrid(mesh, {
      slot: p.skin ? MaterialSlot.Body : MaterialSlot.Face,
      rows: p.rows,
      cols: p.cols,
      wrap: p.wrap,
      facing: inside,
      vertex: (r, c) => {
        const hit = hitAt(p.points[r * p.cols + c]);
        return { position: hit.position, normal: hit.normal, uv: p.uvs[r * p.cols + c], skin: [[joint, 1]] };
      },
      startCap: center && p.center ? { position: center.position, normal: center.normal, uv: p.center.uv, skin: [[joint, 1]] } : undefined,
    });
    return g.startCap !== undefined ? [g.startCap, ...g.ids.flat()] : g.ids.flat();
  });

  for (const name of MORPH_NAMES) {
    const f = createNeutralFaceParams();
    MORPH_RECIPES[name](f);
    const skin = neutralSkin.map((p) => deformHead(p, f));
    let skinMoved = false;
    skin.forEach((p, i) => {
      const d = sub(p, neutralSkin[i]);
      if (d[0] !== 0 || d[1] !== 0 || d[2] !== 0) skinMoved = true;
      mesh.setMorphDelta(name, skinIds[i], d);
    });
    const moved = project(buildFacePatches(f), skinMoved ? skin : neutralSkin, skinMoved ? undefined : projector);
    moved.forEach((pts, pi) => pts.forEach((p, vi) => {
      const id = patchIds[pi][vi];
      mesh.setMorphDelta(name, id, sub(p, mesh.positions[id]));
    }));
  }
}
