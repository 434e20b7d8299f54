import type { MorphName } from '../vrm/expressionPresets';
import { type FaceParams, LEFT, RIGHT } from './FaceParams';

type Recipe = (f: FaceParams) => void;
const SIDES = [
  ['Left', LEFT],
  ['Right', RIGHT],
] as const;
/** Sign of "outward" (away from the nose) on each side, in X. */
const OUT = [1, -1] as const;

/**
 * What each morph target does to the face, at weight 1. Names follow ARKit: "Left" is the
 * avatar's own left, at +X (so eyeBlinkLeft closes the eye at +X).
 */
export const MORPH_RECIPES: Record<MorphName, Recipe> = {} as Record<MorphName, Recipe>;
const R = MORPH_RECIPES;

for (const [name, i] of SIDES) {
  const o = OUT[i];
  R[`browDown${name}`] = (f) => Object.assign(f.brows[i], { all: -0.004, inner: -0.0065, outer: 0.0015, pinch: 0.0025 });
  R[`browOuterUp${name}`] = (f) => void (f.brows[i].outer = 0.008);
  R[`cheekSquint${name}`] = (f) => {
    f.cheekRaise[i] = 0.0045;
    f.eyes[i].lowerLift = 0.004;
  };
  R[`eyeBlink${name}`] = (f) => void (f.eyes[i].open = 0);
  R[`eyeLookDown${name}`] = (f) => {
    f.eyes[i].irisY = -0.0055;
    f.eyes[i].lidFollow = -0.003;
  };
  R[`eyeLookUp${name}`] = (f) => {
    f.eyes[i].irisY = 0.005;
    f.eyes[i].lidFollow = 0.002;
  };
  // "In" is toward the nose, "out" away from it.
  R[`eyeLookIn${name}`] = (f) => void (f.eyes[i].irisX = -o * 0.0075);
  R[`eyeLookOut${name}`] = (f) => void (f.eyes[i].irisX = o * 0.0075);
  R[`eyeSquint${name}`] = (f) => void (f.eyes[i].squint = 1);
  R[`eyeWide${name}`] = (f) => void (f.eyes[i].wide = 1);
  R[`mouthDimple${name}`] = (f) => {
    f.mouth.cornerOut[i] = 0.22;
    f.mouth.cornerUp[i] = 0.0015;
    f.mouth.lineThick[i] = 1.3;
  };
  R[`mouthFrown${name}`] = (f) => void (f.mouth.cornerUp[i] = -0.0075);
  R[`mouthLowerDown${name}`] = (f) => void (f.mouth.lowerDown[i] = 0.008);
  R[`mouthPress${name}`] = (f) => {
    f.mouth.lineThick[i] = 2.2;
    f.mouth.cornerOut[i] = -0.1;
    f.mouth.lowerLipUp = 0.001;
  };
  R[`mouthSmile${name}`] = (f) => {
    f.mouth.cornerUp[i] = 0.0075;
    f.mouth.cornerOut[i] = 0.15;
    f.cheekRaise[i] = 0.0015;
  };
  R[`mouthStretch${name}`] = (f) => {
    f.mouth.cornerOut[i] = 0.35;
    f.mouth.cornerUp[i] = -0.002;
    f.mouth.lowerDown[i] = 0.003;
  };
  R[`mouthUpperUp${name}`] = (f) => void (f.mouth.upperUp[i] = 0.0055);
  R[`noseSneer${name}`] = (f) => {
    f.sneer[i] = 1;
    f.brows[i].inner = -0.002;
    f.mouth.upperUp[i] = 0.0015;
  };
}
R.browInnerUp = (f) => {
  f.brows[0].inner = 0.0075;
  f.brows[1].inner = 0.0075;
};
R.cheekPuff = (f) => {
  f.cheekPuff = 1;
  f.mouth.width = 0.85;
  f.lipsForward = 0.003;
};
R.jawForward = (f) => {
  f.jawForward = 0.009;
  f.mouth.open = 0.002;
  f.mouth.lowerDown = [0.001, 0.001];
};
R.jawLeft = (f) => {
  f.jawX = 0.008;
  f.mouth.lowerX = 0.007;
};
R.jawRight = (f) => {
  f.jawX = -0.008;
  f.mouth.lowerX = -0.007;
};
R.jawOpen = (f) => {
  f.jawAngle = 0.11;
  f.mouth.open = 0.019;
};
R.mouthClose = (f) => {
  // With jawOpen this closes the lips; alone it presses them together and lifts the chin a touch.
  f.mouth.open = -0.019;
  f.jawAngle = -0.025;
  f.mouth.lineThick = [1.6, 1.6];
  f.mouth.width = 0.92;
};
R.mouthFunnel = (f) => {
  f.mouth.width = 0.62;
  f.mouth.open = 0.013;
  f.mouth.round = 1;
  f.mouth.upperUp = [0.002, 0.002];
  f.lipsForward = 0.005;
};
R.mouthPucker = (f) => {
  f.mouth.width = 0.5;
  f.mouth.lineThick = [1.8, 1.8];
  f.lipsForward = 0.007;
};
R.mouthLeft = (f) => void (f.mouth.shiftX = 0.01);
R.mouthRight = (f) => void (f.mouth.shiftX = -0.01);
R.mouthRollLower = (f) => {
  f.mouth.lowerLip = 0;
  f.mouth.lowerLipUp = 0.003;
  f.mouth.lineThick = [1.5, 1.5];
};
R.mouthRollUpper = (f) => {
  f.mouth.lineThick = [2.2, 2.2];
  f.mouth.upperUp = [-0.0015, -0.0015];
  f.mouth.width = 0.9;
};
R.mouthShrugLower = (f) => {
  f.mouth.lowerLipUp = 0.003;
  f.mouth.lowerLip = 1.8;
  f.mouth.cornerUp = [-0.002, -0.002];
  f.jawAngle = -0.02;
};
R.mouthShrugUpper = (f) => {
  f.mouth.upperUp = [0.003, 0.003];
  f.mouth.lineThick = [1.5, 1.5];
};
R.tongueOut = (f) => {
  f.mouth.tongueOut = 1;
  f.mouth.open = 0.009;
  f.jawAngle = 0.04;
};
R.eyeJoy = (f) => {
  for (const e of f.eyes) {
    e.open = 0;
    e.joy = 1;
  }
};
