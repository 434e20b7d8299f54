import { ARKIT_BLENDSHAPE_NAMES, type ARKitBlendshapeName } from '../names/ARKitBlendshapeName.js';
import { BODY_PART_NAMES, type BodyPartName } from '../names/BodyPartName.js';
import { RIG_EXPRESSION_NAMES, type RigExpressionName } from '../names/VRMExpressionPresetName.js';
import type { BodyRig, FaceRig, RigFrame } from './RigFrame.js';

function zeroRecord<K extends string>(names: readonly K[]): Record<K, number> {
  const record = {} as Record<K, number>;
  for (const name of names) record[name] = 0;
  return record;
}

/** All 52 ARKit weights at 0. */
export function createNeutralBlendshapes(): Record<ARKitBlendshapeName, number> {
  return zeroRecord(ARKIT_BLENDSHAPE_NAMES);
}

/** All rig expressions at 0. */
export function createNeutralExpressions(): Record<RigExpressionName, number> {
  return zeroRecord(RIG_EXPRESSION_NAMES);
}

/** A face at rest: looking ahead, eyes open, every weight 0, confidence 1. */
export function createNeutralFace(): FaceRig {
  return {
    head: [0, 0, 0, 1],
    headPosition: [0, 0, 0],
    blendshapes: createNeutralBlendshapes(),
    expressions: createNeutralExpressions(),
    gaze: { left: { yaw: 0, pitch: 0 }, right: { yaw: 0, pitch: 0 } },
    confidence: 1,
  };
}

/** A body with no bones and every part unseen. */
export function createEmptyBody(): BodyRig {
  return { bones: {}, confidence: zeroRecord<BodyPartName>(BODY_PART_NAMES) };
}

/**
 * A frame with a neutral face, ready for a producer to fill in place frame after frame.
 * @example
 * const frame = createNeutralFrame();
 * frame.seq = 1; frame.face!.blendshapes.jawOpen = 0.5;
 */
export function createNeutralFrame(seq = 0, time = 0): RigFrame {
  return { seq, time, face: createNeutralFace() };
}
