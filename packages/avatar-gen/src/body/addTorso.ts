import { addGrid } from '../mesh/addGrid';
import { addTube } from '../mesh/addTube';
import { MaterialSlot, type MeshBuilder, type SkinInfluence } from '../mesh/MeshBuilder';
import { type Vec3, smoothstep } from '../mesh/vec3';
import { paletteUv, regionUv } from '../look/TextureAtlas';
import { TORSO_PROFILE as TORSO, TORSO_TEXTURE_BOTTOM, TORSO_TOP } from '../look/Outfit';
import { blendAlong, mixInfluence } from '../rig/blendAlong';
import type { Skeleton } from '../rig/Skeleton';
import { profile } from './profile';

/** Torso, neck, skirt and the ribbon of the sailor collar. */
export function addTorso(mesh: MeshBuilder, s: Skeleton): void {
  const j = (n: string) => s.index(n);
  const spineChain = [j('hips'), j('spine'), j('chest'), j('upperChest'), j('neck')];
  const spineStarts = [0, 0.86, 0.95, 1.03, 1.15];
  const torsoSkin = (p: Vec3): SkinInfluence => {
    const base = blendAlong(p[1], spineChain, spineStarts, 0.035);
    const side = p[0] > 0 ? 'left' : 'right';
    const shoulder = smoothstep(0.05, 0.1, Math.abs(p[0])) * smoothstep(1.04, 1.1, p[1]);
    return shoulder > 0 ? mixInfluence(base, [[j(`${side}Shoulder`), 1]], shoulder * 0.7) : base;
  };
  const rows = 32;
  const cols = 32;
  const y0 = TORSO[0][0];
  const y1 = TORSO[TORSO.length - 1][0];
  const torsoPoint = (t: number, angle: number): Vec3 => {
    const y = y0 + (y1 - y0) * t;
    const [rx, rz, cz] = profile(TORSO, y);
    const front = Math.max(0, Math.cos(angle));
    // A modest bust, and shoulder blades that flatten the back.
    const bust = 0.018 * Math.exp(-(((y - 1.0) / 0.035) ** 2)) * Math.exp(-(((Math.abs(Math.sin(angle)) - 0.45) / 0.25) ** 2)) * front;
    return [rx * Math.sin(angle), y, cz + (rz + bust) * Math.cos(angle)];
  };
  // Not wrapped: the last column repeats the first with u = 1, so the texture has a seam to wrap at.
  addGrid(mesh, {
    slot: MaterialSlot.Body,
    rows,
    cols: cols + 1,
    wrap: false,
    facing: 'closed',
    vertex: (r, c) => {
      const t = r / (rows - 1);
      const p = torsoPoint(t, (c / cols) * Math.PI * 2);
      return { position: p, uv: regionUv('torso', c / cols, (p[1] - TORSO_TEXTURE_BOTTOM) / (TORSO_TOP - TORSO_TEXTURE_BOTTOM)), skin: torsoSkin(p) };
    },
    startCap: { position: [0, y0 - 0.01, 0], uv: paletteUv('Skirt'), skin: [[j('hips'), 1]] },
    endCap: { position: [0, y1 + 0.004, -0.004], uv: paletteUv('Shirt'), skin: [[j('neck'), 1]] },
  });

  // Neck: from inside the collar up into the head.
  const neckChain = [j('upperChest'), j('neck'), j('head')];
  addTube(mesh, {
    slot: MaterialSlot.Body,
    path: [[0, 1.1, -0.006], [0, 1.17, -0.004], [0, 1.245, 0.0]],
    rows: 10,
    cols: 16,
    radius: (t) => [0.03 - 0.004 * t, 0.029 - 0.003 * t],
    side: () => [1, 0, 0],
    uv: () => paletteUv('Skin'),
    skin: (_t, p) => blendAlong(p[1], neckChain, [0, 1.14, 1.2], 0.02),
  });

  // Pleated skirt: a closed shell (outside down, hem, inside up) so it reads from below too.
  const skirtRows = 14;
  const skirtCols = 56;
  const PLEATS = 14;
  const skirtRadius = (t: number, angle: number): [number, number] => {
    const rx = 0.095 + 0.11 * t ** 1.15;
    const rz = 0.07 + 0.095 * t ** 1.15;
    const saw = Math.abs(((angle / (Math.PI * 2)) * PLEATS) % 1 - 0.5) * 2; // 0..1 triangle wave
    const pleat = 1 + 0.05 * t * (saw - 0.5);
    return [rx * pleat, rz * pleat];
  };
  const skirtTop = 0.905;
  const skirtHem = 0.655;
  const shell = 0.004;
  addGrid(mesh, {
    slot: MaterialSlot.Body,
    rows: skirtRows * 2,
    cols: skirtCols,
    wrap: true,
    facing: 'closed',
    vertex: (r, c) => {
      const outer = r < skirtRows;
      const t = outer ? r / (skirtRows - 1) : 1 - (r - skirtRows) / (skirtRows - 1);
      const angle = (c / skirtCols) * Math.PI * 2;
      const [rx, rz] = skirtRadius(t, angle);
      const inset = outer ? 0 : shell;
      const y = skirtTop + (skirtHem - skirtTop) * t + (outer ? 0 : 0.002);
      const p: Vec3 = [(rx - inset) * Math.sin(angle), y, (rz - inset) * Math.cos(angle)];
      const side = p[0] > 0 ? 'left' : 'right';
      const leg = 0.35 * smoothstep(0.82, 0.66, y) * smoothstep(0.0, 0.06, Math.abs(p[0]));
      const skin: SkinInfluence = mixInfluence([[j('hips'), 1]], [[j(`${side}UpperLeg`), 1]], leg);
      return { position: p, uv: regionUv('skirt', 0.5, outer ? t : 0.5), skin };
    },
  });

  // Ribbon: two loops and two tails under the collar's V.
  const knot: Vec3 = [0, 0.985, 0.083];
  const chest = [[j('upperChest'), 0.6], [j('chest'), 0.4]] as const;
  const lobe = (dir: number): void => {
    addTube(mesh, {
      slot: MaterialSlot.Body,
      path: [knot, [dir * 0.022, 0.992, 0.086], [dir * 0.038, 0.985, 0.082]],
      rows: 8,
      cols: 10,
      radius: (t) => [0.004 + 0.012 * Math.sin(Math.PI * Math.min(1, t * 1.1)), 0.004],
      side: () => [0, 1, 0],
      uv: () => paletteUv('Ribbon'),
      skin: () => chest,
      caps: true,
    });
    addTube(mesh, {
      slot: MaterialSlot.Body,
      path: [knot, [dir * 0.01, 0.965, 0.088], [dir * 0.018, 0.935, 0.09]],
      rows: 6,
      cols: 8,
      radius: (t) => [0.005 + 0.004 * t, 0.0025],
      side: () => [1, 0, 0],
      uv: () => paletteUv('Ribbon'),
      skin: () => chest,
      caps: true,
    });
  };
  lobe(1);
  lobe(-1);
  addTube(mesh, {
    slot: MaterialSlot.Body,
    path: [[0, 0.985, 0.084], [0, 0.985, 0.09]],
    rows: 3,
    cols: 10,
    radius: () => [0.007, 0.006],
    side: () => [1, 0, 0],
    uv: () => paletteUv('Ribbon'),
    skin: () => chest,
    caps: true,
  });
}
