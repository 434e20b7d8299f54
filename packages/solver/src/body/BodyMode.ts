/**
 * What the body solver tracks. See {@link BodySolver}.
 * - `upper` (the default, the desk setup): spine, chest, upperChest, shoulders and arms; the hips
 *   and legs are not carried (the avatar keeps them at rest).
 * - `full`: the hips' rotation and the legs too, once knees and ankles have been seen well for
 *   {@link LEG_ENTER_AFTER_MS}.
 * - `off`: no body at all.
 */
export const BodyMode = {
  Upper: 'upper',
  Full: 'full',
  Off: 'off',
} as const;
export type BodyMode = (typeof BodyMode)[keyof typeof BodyMode];

/** Every body mode, `upper` (the default) first. */
export const BODY_MODES: readonly BodyMode[] = Object.values(BodyMode);

/** How long (ms) knees and ankles must be seen well before `full` mode carries a leg. */
export const LEG_ENTER_AFTER_MS = 500;
