import type { PaletteColor } from '../look/Palette';
import { paletteUv, regionUv } from '../look/TextureAtlas';
import { clamp, smoothstep } from '../mesh/vec3';
import { BODY } from '../rig/BODY';
import { MOUTH_Y } from './deformHead';
import type { EyeParams, FaceParams } from './FaceParams';

type UV = readonly [number, number];

/** One flat face decal as a grid in the XY plane, later projected onto the skin. */
export interface FacePatch {
  name: string;
  rows: number;
  cols: number;
  /** Columns close into a ring (with `center` this is a disc). */
  wrap: boolean;
  /** The bone that carries it: the head, or an eye for the irises. */
  joint: 'head' | 'leftEye' | 'rightEye';
  /** Lift above the skin, metres: the layer order of the decals. */
  offset: number;
  /** Skin-coloured patches (the eyelids) use the body material so that they shade exactly like the skin. */
  skin?: boolean;
  /** Row-major `[x, y]` and UV per vertex. */
  points: [number, number][];
  uvs: UV[];
  center?: { point: [number, number]; uv: UV };
}

/** Layers, metres above the skin: later ones cover earlier ones. */
const LAYER = { blush: 0.0004, base: 0.0007, detail: 0.0013, iris: 0.0018, line: 0.0021, lid: 0.0024, overLid: 0.0027, lash: 0.0031 } as const;

const bell = (s: number, p: number): number => Math.max(0, 1 - s * s) ** p;
const mixN = (a: number, b: number, t: number): number => a + (b - a) * t;

function grid(name: string, joint: FacePatch['joint'], offset: number, rows: number, cols: number, at: (r: number, c: number) => [number, number], uv: (r: number, c: number) => UV): FacePatch {
  const points: [number, number][] = [];
  const uvs: UV[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      points.push(at(r, c));
      uvs.push(uv(r, c));
    }
  }
  return { name, rows, cols, wrap: false, joint, offset, points, uvs };
}

/** A filled disc: `at(f, angle)` gives the point at fraction `f` of the way from the centre (f = 0) to the rim. */
function disc(name: string, joint: FacePatch['joint'], offset: number, rings: number, sectors: number, at: (f: number, angle: number) => [number, number], uv: (f: number, angle: number) => UV): FacePatch {
  const points: [number, number][] = [];
  const uvs: UV[] = [];
  for (let r = 0; r < rings; r++) {
    const f = (r + 1) / rings;
    for (let s = 0; s < sectors; s++) {
      const a = (s / sectors) * Math.PI * 2;
      points.push(at(f, a));
      uvs.push(uv(f, a));
    }
  }
  return { name, rows: rings, cols: sectors, wrap: true, joint, offset, points, uvs, center: { point: at(0, 0), uv: uv(0, 0) } };
}

const flat = (color: PaletteColor) => () => paletteUv(color);

/** The two lid curves of an eye, as functions of s ∈ [−1 inner, 1 outer]. */
function eyeLids(e: EyeParams) {
  const base = (s: number) => mixN(BODY.eyeY - 0.005, BODY.eyeY + 0.002, (s + 1) / 2);
  const up0 = (s: number) => base(s) + 0.0255 * bell(s, 0.5) + 0.003 * s * bell(s, 1);
  const lo0 = (s: number) => base(s) - 0.0185 * bell(s, 0.75);
  const closed = (s: number) => lo0(s) + 0.3 * (up0(s) - lo0(s));
  const joyLine = (s: number) => base(s) - 0.005 + 0.011 * bell(s, 0.75);
  const shut = clamp(1 - e.open, 0, 1);
  const target = (s: number) => mixN(closed(s), joyLine(s), e.joy);
  const up = (s: number) => mixN(up0(s) + (0.0055 * e.wide - 0.004 * e.squint + e.lidFollow) * bell(s, 0.7), target(s), shut);
  const lo = (s: number) => mixN(lo0(s) + (-0.002 * e.wide + 0.0075 * e.squint + e.lowerLift) * bell(s, 0.8), target(s), shut);
  return { up, lo: (s: number) => Math.min(lo(s), up(s)), up0, lo0 };
}

function eyePatches(e: EyeParams, side: 'left' | 'right'): FacePatch[] {
  const k = side === 'left' ? 1 : -1;
  const cx = k * BODY.eyeX;
  const hw = 0.0265;
  const X = (s: number) => cx + k * hw * s;
  const { up, lo, up0, lo0 } = eyeLids(e);
  const cols = 17;
  const sAt = (c: number, from = -1, to = 1) => from + ((to - from) * c) / (cols - 1);
  const white = grid(`${side}EyeWhite`, 'head', LAYER.base, 8, cols, (r, c) => {
    const s = sAt(c);
    return [X(s), mixN(lo(s), up(s), r / 7)];
  }, flat('EyeWhite'));

  const irisCx = cx + e.irisX;
  const irisCy = BODY.eyeY - 0.0012 + e.irisY;
  const rx = 0.0152;
  const ry = 0.0198;
  const iris = disc(`${side}Iris`, `${side}Eye`, LAYER.iris, 5, 28, (f, a) => {
    const px = irisCx + rx * f * Math.cos(a);
    const py = irisCy + ry * f * Math.sin(a);
    const s = clamp((px - cx) / (k * hw), -0.96, 0.96);
    const margin = 0.0002;
    return [cx + k * hw * s, clamp(py, lo(s) + margin, Math.max(lo(s) + margin, up(s) - margin))];
  }, (f, a) => regionUv('iris', 0.5 + 0.5 * f * Math.cos(a), 0.5 - 0.5 * f * Math.sin(a)));

  const lashCols = 22;
  const lash = grid(`${side}UpperLash`, 'head', LAYER.lash, 2, lashCols, (r, c) => {
    const s = -1.04 + (2.26 * c) / (lashCols - 1);
    const th = (0.0022 + 0.0032 * smoothstep(-1, 0.8, s)) * (s > 1 ? clamp((1.22 - s) / 0.22, 0.08, 1) : 1);
    const yc = s > 1 ? up(1) + (s - 1) * 0.028 : up(s);
    const xs = s > 1 ? X(1) + k * (s - 1) * hw * 0.8 : X(s);
    return [xs, yc + (r === 0 ? -0.3 : 0.7) * th];
  }, flat('Lash'));
  const lowerLash = grid(`${side}LowerLash`, 'head', LAYER.overLid, 2, 10, (r, c) => {
    const s = 0.15 + (0.9 * c) / 9;
    const th = 0.0013 * smoothstep(0.1, 0.7, s);
    return [X(s), lo(s) + (r === 0 ? -0.6 : 0.4) * th];
  }, flat('Lash'));
  const crease = grid(`${side}Crease`, 'head', LAYER.overLid, 2, 10, (r, c) => {
    const s = -0.35 + (1.2 * c) / 9;
    const th = 0.0007 * bell(s * 0.9, 0.5);
    return [X(s), up(s) + 0.0048 + (r === 0 ? 0 : th)];
  }, flat('Lash'));
  // Eyelids: skin above and below the lid lines. They hide the iris where the eye bone turns it
  // past the lids (gaze), and they are what closes over the eye when it blinks.
  const lidCols = 19;
  const lidS = (c: number) => -1.1 + (2.2 * c) / (lidCols - 1);
  const upperLid = grid(`${side}UpperLid`, 'head', LAYER.lid, 3, lidCols, (r, c) => {
    const s = lidS(c);
    const cs = clamp(s, -1, 1);
    const edge = up(cs) - 0.0003;
    return [X(s), r === 0 ? edge : r === 1 ? Math.max(edge + 0.003, up0(cs) + 0.0035) : Math.max(edge + 0.007, up0(cs) + 0.0085)];
  }, flat('Skin'));
  const lowerLid = grid(`${side}LowerLid`, 'head', LAYER.lid, 3, lidCols, (r, c) => {
    const s = lidS(c);
    const cs = clamp(s, -1, 1);
    const edge = lo(cs) + 0.0003;
    return [X(s), r === 0 ? edge : r === 1 ? Math.min(edge - 0.002, lo0(cs) - 0.0025) : Math.min(edge - 0.0045, lo0(cs) - 0.0055)];
  }, flat('Skin'));
  upperLid.skin = true;
  lowerLid.skin = true;
  return [white, iris, upperLid, lowerLid, lowerLash, crease, lash];
}

function browPatch(f: FaceParams, side: 'left' | 'right'): FacePatch {
  const i = side === 'left' ? 0 : 1;
  const k = side === 'left' ? 1 : -1;
  const b = f.brows[i];
  const cols = 14;
  return grid(`${side}Brow`, 'head', LAYER.detail, 2, cols, (r, c) => {
    const s = -1 + (2 * c) / (cols - 1);
    const x = k * (BODY.eyeX + 0.001 + 0.023 * s - b.pinch * (1 - s) * 0.5);
    const y = 1.347 + 0.0035 * bell(s, 1) - 0.003 * (s + 1) * 0.5 + b.inner * (1 - s) * 0.5 + b.outer * (1 + s) * 0.5 + b.all;
    const th = mixN(0.0042, 0.0014, (s + 1) / 2);
    return [x, y + (r === 0 ? -0.5 : 0.5) * th];
  }, flat('Brow'));
}

function mouthPatches(f: FaceParams): FacePatch[] {
  const m = f.mouth;
  const hw = 0.0175 * m.width;
  const L = [m.shiftX + hw * (1 + m.cornerOut[0]), MOUTH_Y + 0.0016 + m.cornerUp[0]] as const;
  const Rt = [m.shiftX - hw * (1 + m.cornerOut[1]), MOUTH_Y + 0.0016 + m.cornerUp[1]] as const;
  const wl = (u: number) => smoothstep(-0.6, 0.4, u);
  const wr = (u: number) => smoothstep(0.6, -0.4, u);
  const xAt = (u: number) => mixN(Rt[0], L[0], (clamp(u, -1.2, 1.2) + 1) / 2);
  const upper = (u: number) => {
    const c = clamp(u, -1, 1);
    return mixN(Rt[1], L[1], (c + 1) / 2) - 0.0016 * bell(c, 1) + (m.upperUp[0] * wl(c) + m.upperUp[1] * wr(c)) * bell(c, 0.6);
  };
  const openExp = mixN(0.75, 0.45, m.round);
  const drop = (u: number) => {
    const c = clamp(u, -1, 1);
    return Math.max(0, m.open * bell(c, openExp) + (m.lowerDown[0] * wl(c) + m.lowerDown[1] * wr(c)) * bell(c, 0.6));
  };
  const lower = (u: number) => upper(u) - drop(u);
  const lowerXAt = (u: number) => xAt(u) + m.lowerX * bell(clamp(u, -1, 1), 1);
  const cols = 19;
  const uAt = (c: number, span = 1) => -span + (2 * span * c) / (cols - 1);
  const interior = grid('mouthInterior', 'head', LAYER.base, 6, cols, (r, c) => {
    const u = uAt(c);
    const v = r / 5;
    return [mixN(xAt(u), lowerXAt(u), v), mixN(upper(u), lower(u), v)];
  }, flat('MouthInterior'));
  const teeth = grid('teeth', 'head', LAYER.detail, 2, 13, (r, c) => {
    const u = -0.72 + (1.44 * c) / 12;
    const top = upper(u) - 0.0002;
    const h = Math.min(0.0032, 0.3 * drop(u));
    return [xAt(u), r === 0 ? top : top - h];
  }, flat('Teeth'));
  // The tongue: its own width, sitting on the lower lip, sliding out over it with tongueOut.
  const tw = 0.0105;
  const tcx = m.shiftX + m.lowerX;
  const uOfX = (x: number) => ((x - Rt[0]) / (L[0] - Rt[0])) * 2 - 1;
  const tongue = grid('tongue', 'head', LAYER.detail, 5, 13, (r, c) => {
    const ut = -1 + (2 * c) / 12;
    const x = tcx + ut * tw;
    const u = uOfX(x - m.lowerX);
    const gap = drop(u);
    const top = lower(u) + 0.42 * gap * bell(ut, 0.5);
    const bottom = lower(u) - m.tongueOut * 0.016 * bell(ut, 0.55);
    return [x, mixN(top, bottom, r / 4)];
  }, flat('Tongue'));
  const line = grid('lipLine', 'head', LAYER.line, 2, cols, (r, c) => {
    const u = uAt(c, 1.05);
    const cu = clamp(u, -1, 1);
    const thick = mixN(m.lineThick[1], m.lineThick[0], (cu + 1) / 2);
    const th = 0.00115 * thick * (0.5 + 0.5 * bell(cu, 1)) * (Math.abs(u) > 1 ? 0.5 : 1);
    return [xAt(u), upper(u) + (r === 0 ? -0.5 : 0.5) * th];
  }, flat('LipLine'));
  const lip = grid('lowerLip', 'head', LAYER.base, 2, 9, (r, c) => {
    const u = -0.32 + (0.64 * c) / 8;
    const th = 0.0009 * m.lowerLip * bell(u / 0.34, 0.7);
    const y = lower(u) - 0.0045 + m.lowerLipUp;
    return [lowerXAt(u), y + (r === 0 ? 0 : th)];
  }, flat('Nose'));
  return [interior, lip, teeth, tongue, line];
}

/**
 * Every face decal for the face `f`: blush, eyes (white, iris, lashes), brows, nose and mouth.
 * The topology never depends on `f`, so morph targets are differences of the same vertices.
 */
export function buildFacePatches(f: FaceParams): FacePatch[] {
  const patches: FacePatch[] = [];
  for (const [i, side] of [[0, 'left'], [1, 'right']] as const) {
    const k = i === 0 ? 1 : -1;
    const cy = 1.259 + f.cheekRaise[i];
    patches.push(disc(`${side}Blush`, 'head', LAYER.blush, 3, 16, (g, a) => [k * 0.07 + 0.0165 * g * Math.cos(a), cy + 0.0085 * (1 - 0.15 * f.cheekRaise[i] / 0.0045) * g * Math.sin(a)], (g, a) => regionUv('blush', 0.5 + 0.5 * g * Math.cos(a), 0.5 - 0.5 * g * Math.sin(a))));
  }
  patches.push(...eyePatches(f.eyes[0], 'left'), ...eyePatches(f.eyes[1], 'right'));
  patches.push(browPatch(f, 'left'), browPatch(f, 'right'));
  const sneer = (f.sneer[0] - f.sneer[1]) * 0.0012;
  const lift = Math.max(f.sneer[0], f.sneer[1]) * 0.0032;
  const widen = 1 + 0.8 * Math.max(f.sneer[0], f.sneer[1]);
  patches.push(disc('nose', 'head', LAYER.base, 2, 10, (g, a) => [0.0012 + sneer + 0.0026 * widen * g * Math.cos(a), 1.2635 + lift + 0.0012 * g * Math.sin(a)], flat('Nose')));
  patches.push(...mouthPatches(f));
  return patches;
}
