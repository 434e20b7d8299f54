/**
 * How a bend or twist of the torso relative to the hips divides between the three torso bones.
 * Landmarks cannot tell them apart (only the shoulders and hips are seen), so this is a choice:
 * the lower back takes the largest share, as a human spine does. With `D` the torso's rotation
 * relative to the hips, spine = D^0.4, chest = D^0.3 and upperChest = D^0.3 (the same axis, a
 * fraction of the angle each), so spine · chest · upperChest = D.
 */
export const TORSO_BEND_SHARES = { spine: 0.4, chest: 0.3, upperChest: 0.3 } as const;
