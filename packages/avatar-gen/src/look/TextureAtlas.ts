import { TORSO_TEXTURE_BOTTOM, TORSO_TOP, legColor, shoeColor, SHOE_HEIGHT, skirtColor, sleeveColor, torsoColor } from './Outfit';
import { BLUSH_COLOR, HAIR_GRADIENT, IRIS_COLORS, Palette, type PaletteColor } from './Palette';

/** Size of the square atlas in pixels. */
export const ATLAS_SIZE = 256;
const CELL = 16;
const CELLS_PER_ROW = ATLAS_SIZE / CELL;
/** Atlas regions in pixels: [x, y, width, height]. */
export const ATLAS_REGIONS = {
  iris: [0, 128, 128, 128],
  hairStrand: [136, 128, 32, 128],
  hairCap: [176, 128, 32, 128],
  blush: [216, 128, 32, 32],
  torso: [0, 32, 256, 96],
  sleeve: [218, 168, 6, 88],
  leg: [228, 168, 6, 88],
  skirt: [238, 168, 6, 88],
  shoe: [248, 168, 6, 88],
} as const;

const PALETTE_NAMES = Object.keys(Palette) as PaletteColor[];

/** What the sleeve strip's v spans: distance from the centre line, metres. */
export const SLEEVE_RANGE = [0.06, 0.57] as const;
/** What the leg strip's v spans: height, metres (top to bottom). */
export const LEG_RANGE = [0.8, 0.05] as const;

/** The UV (glTF: origin top-left) at the centre of a palette colour's cell. */
export function paletteUv(color: PaletteColor): readonly [number, number] {
  const i = PALETTE_NAMES.indexOf(color);
  return [((i % CELLS_PER_ROW) + 0.5) * CELL / ATLAS_SIZE, (Math.floor(i / CELLS_PER_ROW) + 0.5) * CELL / ATLAS_SIZE];
}

/** The UV of a point inside a region, `u`, `v` in [0, 1] across it (kept half a pixel inside). */
export function regionUv(region: keyof typeof ATLAS_REGIONS, u: number, v: number): readonly [number, number] {
  const [x, y, w, h] = ATLAS_REGIONS[region];
  const cu = Math.min(1, Math.max(0, u));
  const cv = Math.min(1, Math.max(0, v));
  return [(x + 1 + cu * (w - 2)) / ATLAS_SIZE, (y + 1 + cv * (h - 2)) / ATLAS_SIZE];
}

const rgb = (hex: number): [number, number, number] => [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
const mix = (a: number[], b: number[], t: number): number[] => a.map((v, i) => v + (b[i] - v) * t);
const smooth = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** The iris colour at (u, v) in [0,1]²: gradient, rim, pupil and two highlights. */
function irisColor(u: number, v: number): number[] {
  const x = u * 2 - 1;
  const y = v * 2 - 1;
  const r = Math.hypot(x, y);
  let c = mix(rgb(IRIS_COLORS.top), rgb(IRIS_COLORS.bottom), smooth(-0.6, 0.85, y));
  // Radial streaks and a soft glow in the lower half give the iris depth.
  const angle = Math.atan2(y, x);
  c = mix(c, rgb(IRIS_COLORS.glow), 0.35 * smooth(0.2, 0.9, y) * smooth(0.85, 0.4, r) * (0.6 + 0.4 * Math.cos(angle * 9)));
  // Dark upper band, the shadow of the lashes.
  c = mix(c, rgb(IRIS_COLORS.rim), 0.55 * smooth(-0.2, -0.85, y));
  const pupil = Math.hypot(x / 0.34, (y + 0.05) / 0.42);
  c = mix(c, rgb(IRIS_COLORS.pupil), smooth(1.05, 0.9, pupil));
  c = mix(c, rgb(IRIS_COLORS.rim), smooth(0.78, 0.94, r));
  const big = Math.hypot((x + 0.3) / 0.27, (y + 0.36) / 0.23);
  const small = Math.hypot((x - 0.36) / 0.12, (y - 0.38) / 0.1);
  c = mix(c, rgb(IRIS_COLORS.highlight), smooth(1.05, 0.85, Math.min(big, small)));
  if (r > 1) c = rgb(Palette.EyeWhite);
  return c;
}

/** The cap colour at `v` (0 = crown, 1 = nape), with a light band: the anime "angel ring". */
function capColor(v: number): number[] {
  const base = mix(rgb(HAIR_GRADIENT.mid), rgb(HAIR_GRADIENT.root), smooth(0.0, 0.9, v) * 0.6);
  const ring = Math.exp(-(((v - 0.32) / 0.05) ** 2));
  return mix(base, rgb(HAIR_GRADIENT.ring), ring * 0.8);
}

function strandColor(v: number): number[] {
  return v < 0.4 ? mix(rgb(HAIR_GRADIENT.root), rgb(HAIR_GRADIENT.mid), smooth(0, 0.4, v)) : mix(rgb(HAIR_GRADIENT.mid), rgb(HAIR_GRADIENT.tip), smooth(0.4, 1, v));
}

/**
 * Paints the avatar's one texture: flat palette cells, the iris, hair gradients and the blush.
 * @returns RGBA bytes, `ATLAS_SIZE` square.
 */
export function createAtlasPixels(): Uint8Array {
  const px = new Uint8Array(ATLAS_SIZE * ATLAS_SIZE * 4);
  const put = (x: number, y: number, c: number[]): void => {
    const o = (y * ATLAS_SIZE + x) * 4;
    px[o] = Math.round(c[0]);
    px[o + 1] = Math.round(c[1]);
    px[o + 2] = Math.round(c[2]);
    px[o + 3] = 255;
  };
  const skin = rgb(Palette.Skin);
  for (let y = 0; y < ATLAS_SIZE; y++) for (let x = 0; x < ATLAS_SIZE; x++) put(x, y, skin);
  PALETTE_NAMES.forEach((name, i) => {
    const x0 = (i % CELLS_PER_ROW) * CELL;
    const y0 = Math.floor(i / CELLS_PER_ROW) * CELL;
    for (let y = 0; y < CELL; y++) for (let x = 0; x < CELL; x++) put(x0 + x, y0 + y, rgb(Palette[name]));
  });
  const paint = (region: keyof typeof ATLAS_REGIONS, color: (u: number, v: number) => number[], SS = 1): void => {
    const [rx, ry, w, h] = ATLAS_REGIONS[region];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let acc = [0, 0, 0];
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            const c = color((x - 1 + (sx + 0.5) / SS) / (w - 2), (y - 1 + (sy + 0.5) / SS) / (h - 2));
            acc = acc.map((a, k) => a + c[k] / (SS * SS));
          }
        }
        put(rx + x, ry + y, acc);
      }
    }
  };
  paint('iris', irisColor, 3); // supersampled for smooth edges
  paint('hairStrand', (_u, v) => strandColor(v));
  paint('hairCap', (_u, v) => capColor(v));
  paint('torso', (u, v) => rgb(torsoColor(u * Math.PI * 2, TORSO_TEXTURE_BOTTOM + (TORSO_TOP - TORSO_TEXTURE_BOTTOM) * v)), 2);
  paint('sleeve', (_u, v) => rgb(sleeveColor(SLEEVE_RANGE[0] + (SLEEVE_RANGE[1] - SLEEVE_RANGE[0]) * v)));
  paint('leg', (_u, v) => rgb(legColor(LEG_RANGE[0] + (LEG_RANGE[1] - LEG_RANGE[0]) * v)));
  paint('skirt', (_u, v) => rgb(skirtColor(v)));
  paint('shoe', (_u, v) => rgb(shoeColor(v * SHOE_HEIGHT)));
  paint('blush', (u, v) => mix(rgb(BLUSH_COLOR), skin, smooth(0.25, 1, Math.hypot(u * 2 - 1, v * 2 - 1))));
  return px;
}
