/** The avatar's flat colours (sRGB hex); each gets a 16-px cell in the texture atlas. */
export const Palette = {
  Skin: 0xfde6d8,
  EyeWhite: 0xfbfcff,
  Lash: 0x3b2840,
  Brow: 0x4f3c78,
  MouthInterior: 0x7c2a3a,
  Teeth: 0xffffff,
  Tongue: 0xe8848e,
  LipLine: 0x8a3f4c,
  Nose: 0xe9b3a3,
  Shirt: 0xf6f6fb,
  Collar: 0x34427a,
  CollarStripe: 0xf6f6fb,
  Ribbon: 0xe2566e,
  Skirt: 0x4a5a9a,
  Sock: 0x2b2736,
  Shoe: 0x5b3c36,
  Sole: 0x2a2024,
  Ear: 0xf9d8c8,
} as const;
export type PaletteColor = keyof typeof Palette;

/** Hair colours along a strand, root to tip (a pastel ombré), and the cap's "angel ring". */
export const HAIR_GRADIENT = { root: 0x7d69d6, mid: 0xa08fe6, tip: 0xd1c4f8, ring: 0xe6defd } as const;
/** Iris colours, top (dark) to bottom (bright). */
export const IRIS_COLORS = { rim: 0x1c3f66, top: 0x1f4e7a, bottom: 0x3fd6cf, pupil: 0x14223a, highlight: 0xffffff, glow: 0x8ff0e6 } as const;
/** Cheek blush centre colour; it fades to {@link Palette.Skin}. */
export const BLUSH_COLOR = 0xffb0b6;
