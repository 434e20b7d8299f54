import { profile } from '../body/profile';
import { Palette } from './Palette';

/** The torso's shape, shared by the mesh and its texture: y, half-width, half-depth, forward offset. */
export const TORSO_PROFILE: readonly (readonly number[])[] = [
  [0.66, 0.05, 0.05, 0.0],
  [0.7, 0.115, 0.08, 0.0],
  [0.8, 0.122, 0.083, 0.0],
  [0.9, 0.092, 0.066, 0.0],
  [0.98, 0.104, 0.075, 0.006],
  [1.04, 0.112, 0.072, 0.004],
  [1.09, 0.108, 0.062, -0.002],
  [1.125, 0.078, 0.052, -0.004],
  [1.145, 0.035, 0.032, -0.004],
];
export const TORSO_TOP = TORSO_PROFILE[TORSO_PROFILE.length - 1][0];
/** The torso texture covers only what the skirt leaves visible: from here up to the top. */
export const TORSO_TEXTURE_BOTTOM = 0.86;

/** Sailor-uniform shirt colour at torso azimuth `angle` (0 = front) and height `y`. */
export function torsoColor(angle: number, y: number): number {
  const [rx] = profile(TORSO_PROFILE, y);
  const x = Math.abs(rx * Math.sin(angle));
  const front = Math.cos(angle) > 0;
  if (y < 0.885) return Palette.Skirt;
  if (front) {
    const v = (y - 0.975) * 0.6; // the collar's V opens upward
    if (y > 0.985 && x < v) return Palette.Shirt;
    const band = v + 0.05;
    if (y > 0.955 && x < band) return x > band - 0.011 && x < band - 0.006 ? Palette.CollarStripe : Palette.Collar;
    return Palette.Shirt;
  }
  // Behind: the square flap of the collar, with a white stripe near its edge.
  const edge = 0.975;
  if (y > edge && x < 0.1) return (y < edge + 0.016 && y > edge + 0.008) || (x > 0.084 && x < 0.092) ? Palette.CollarStripe : Palette.Collar;
  return Palette.Shirt;
}

/** Sleeve colour at distance `x` from the body's centre line. */
export const sleeveColor = (x: number): number => (x > 0.515 && x < 0.552 ? (x > 0.527 && x < 0.535 ? Palette.CollarStripe : Palette.Collar) : Palette.Shirt);
/** Leg colour at height `y`: skin above the knee socks. */
export const legColor = (y: number): number => (y < 0.49 ? Palette.Sock : Palette.Skin);
/** Skirt colour at `t` from waist (0) to hem (1). */
export const skirtColor = (t: number): number => (t > 0.84 && t < 0.9 ? Palette.CollarStripe : Palette.Skirt);
/** Shoe colour at height `y`. */
export const shoeColor = (y: number): number => (y < 0.017 ? Palette.Sole : Palette.Shoe);
/** Height range the shoe strip covers. */
export const SHOE_HEIGHT = 0.11;
