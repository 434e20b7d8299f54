/** How much of the avatar the camera shows (`?frame=`). */
export const FramingPreset = {
  /** Head and shoulders. */
  Face: 'face',
  /** Head to hips: the usual streaming shot, and the default. */
  Upper: 'upper',
  /** Head to toe. */
  Full: 'full',
} as const;
export type FramingPreset = (typeof FramingPreset)[keyof typeof FramingPreset];

/** Every framing preset name. */
export const FRAMING_PRESETS: readonly FramingPreset[] = Object.values(FramingPreset);

/** True when `value` names a framing preset. */
export function isFramingPreset(value: string): value is FramingPreset {
  return (FRAMING_PRESETS as readonly string[]).includes(value);
}
