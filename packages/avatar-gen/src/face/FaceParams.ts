/** Shape of one eye. Lengths in metres; "up" is +Y. */
export interface EyeParams {
  /** 1 open, 0 closed (the lids meet on the closed line). */
  open: number;
  /** 1 = the closed line arches upward: the anime "^" of a happy eye. */
  joy: number;
  squint: number;
  wide: number;
  /** Extra lift of the lower lid (cheek squint), metres. */
  lowerLift: number;
  /** Iris offsets, metres: toward the avatar's left (+X) and up. */
  irisX: number;
  irisY: number;
  /** Upper lid follows the gaze a little: + raises, − lowers (metres). */
  lidFollow: number;
}

/** Shape of one brow: lifts in metres at the inner end, the outer end, and overall; `pinch` moves the inner end toward the nose. */
export interface BrowParams {
  inner: number;
  outer: number;
  all: number;
  pinch: number;
}

/** Shape of the mouth. Per-side values are `[left, right]` (the avatar's left is +X). */
export interface MouthParams {
  shiftX: number;
  width: number;
  cornerUp: [number, number];
  cornerOut: [number, number];
  upperUp: [number, number];
  lowerDown: [number, number];
  /** Drop of the lower lip at the middle (metres): how far the mouth is open. */
  open: number;
  /** 0 = a wide oval opening, 1 = a round "O". */
  round: number;
  /** Sideways shift of the lower lip, with the jaw. */
  lowerX: number;
  lineThick: [number, number];
  /** Visibility (scale) of the small lower-lip mark. */
  lowerLip: number;
  lowerLipUp: number;
  tongueOut: number;
}

/** Everything a morph target changes on the face: feature shapes and skin deformation. */
export interface FaceParams {
  eyes: [EyeParams, EyeParams];
  brows: [BrowParams, BrowParams];
  mouth: MouthParams;
  /** Jaw rotation about the hinge (radians), sideways shift and forward push of the chin (metres). */
  jawAngle: number;
  jawX: number;
  jawForward: number;
  /** Lips pushed forward (metres). */
  lipsForward: number;
  cheekPuff: number;
  /** Cheek lift per side (metres): moves the blush and the skin. */
  cheekRaise: [number, number];
  /** Nose sneer per side (0..1). */
  sneer: [number, number];
}

/** Index of the avatar's left (+X) side in the per-side pairs. */
export const LEFT = 0;
/** Index of the avatar's right (−X) side. */
export const RIGHT = 1;

const neutralEye = (): EyeParams => ({ open: 1, joy: 0, squint: 0, wide: 0, lowerLift: 0, irisX: 0, irisY: 0, lidFollow: 0 });
const neutralBrow = (): BrowParams => ({ inner: 0, outer: 0, all: 0, pinch: 0 });

/** A fresh neutral face. */
export function createNeutralFaceParams(): FaceParams {
  return {
    eyes: [neutralEye(), neutralEye()],
    brows: [neutralBrow(), neutralBrow()],
    mouth: {
      shiftX: 0,
      width: 1,
      cornerUp: [0, 0],
      cornerOut: [0, 0],
      upperUp: [0, 0],
      lowerDown: [0, 0],
      open: 0,
      round: 0,
      lowerX: 0,
      lineThick: [1, 1],
      lowerLip: 1,
      lowerLipUp: 0,
      tongueOut: 0,
    },
    jawAngle: 0,
    jawX: 0,
    jawForward: 0,
    lipsForward: 0,
    cheekPuff: 0,
    cheekRaise: [0, 0],
    sneer: [0, 0],
  };
}
