import { HAIR_GRADIENT, IRIS_COLORS, Palette } from './Palette';

/** Size of the square thumbnail in pixels. */
export const THUMBNAIL_SIZE = 128;

const rgb = (hex: number): number[] => [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];

/**
 * A flat, hand-drawn-looking portrait for the VRM thumbnail: hair, face, eyes with highlights,
 * blush and a smile on a soft background. Drawn with signed shapes, 4× supersampled.
 */
export function createThumbnailPixels(): Uint8Array {
  const N = THUMBNAIL_SIZE;
  const px = new Uint8Array(N * N * 4);
  const ell = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  const color = (x: number, y: number): number[] => {
    // x, y in [0, 1], y down
    let c = rgb(0xe9e4fb);
    if (ell(x, y, 0.5, 1.02, 0.34, 0.2)) c = rgb(Palette.Collar);
    if (ell(x, y, 0.5, 1.05, 0.16, 0.2)) c = rgb(Palette.Shirt);
    if (ell(x, y, 0.5, 0.5, 0.36, 0.4) && y > 0.35) c = rgb(HAIR_GRADIENT.root);
    if (ell(x, y, 0.5, 0.55, 0.26, 0.28) || (ell(x, y, 0.5, 0.6, 0.2, 0.3) && y > 0.6)) c = rgb(Palette.Skin);
    const bangs = y < 0.47 - 0.05 * Math.abs(Math.sin((x - 0.5) * 26));
    if (ell(x, y, 0.5, 0.42, 0.33, 0.33) && (y < 0.36 || bangs)) c = rgb(HAIR_GRADIENT.mid);
    if (ell(x, y, 0.5, 0.3, 0.22, 0.035)) c = rgb(HAIR_GRADIENT.ring);
    for (const k of [-1, 1]) {
      const ex = 0.5 + k * 0.11;
      if (ell(x, y, ex, 0.58, 0.055, 0.07)) c = rgb(Palette.EyeWhite);
      if (ell(x, y, ex, 0.595, 0.04, 0.06)) c = y < 0.58 ? rgb(IRIS_COLORS.top) : rgb(IRIS_COLORS.bottom);
      if (ell(x, y, ex, 0.6, 0.017, 0.025)) c = rgb(IRIS_COLORS.pupil);
      if (ell(x, y, ex - 0.015, 0.57, 0.014, 0.012)) c = rgb(0xffffff);
      if (y < 0.525 && y > 0.505 && Math.abs(x - ex) < 0.065) c = rgb(Palette.Lash);
      if (ell(x, y, 0.5 + k * 0.17, 0.69, 0.045, 0.022)) c = rgb(0xffc2c6);
    }
    if (ell(x, y, 0.5, 0.72, 0.05, 0.03) && y > 0.72) c = rgb(Palette.MouthInterior);
    return c;
  };
  const SS = 3;
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      const acc = [0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = color((x + (sx + 0.5) / SS) / N, (y + (sy + 0.5) / SS) / N);
          for (let k = 0; k < 3; k++) acc[k] += c[k] / (SS * SS);
        }
      }
      const o = (y * N + x) * 4;
      px[o] = Math.round(acc[0]);
      px[o + 1] = Math.round(acc[1]);
      px[o + 2] = Math.round(acc[2]);
      px[o + 3] = 255;
    }
  }
  return px;
}
