import {
  VRM,
  VRMExpression,
  VRMExpressionManager,
  VRMHumanoid,
  VRMLookAt,
  VRMLookAtBoneApplier,
  VRMLookAtRangeMap,
  type VRMMeta,
} from '@pixiv/three-vrm';
import { Group, Object3D } from 'three';

/** How far the eyes turn at most, in degrees, for the look-at's range maps. */
const EYE_RANGE_DEG = 30;

/**
 * A small real three-vrm model built in memory, for Node tests: a hips-to-head chain with eyes and
 * a bone look-at, two arms with hands, two legs, and the given expressions.
 */
export function makeTestVRM(metaVersion: '0' | '1', expressionNames: string[]): VRM {
  const scene = new Group();
  const bone = (parent: Object3D, y: number, x = 0, z = 0) => {
    const node = new Object3D();
    node.position.set(x, y, z);
    parent.add(node);
    return node;
  };
  const hips = bone(scene, 1);
  const spine = bone(hips, 0.1);
  const chest = bone(spine, 0.15);
  const neck = bone(chest, 0.25);
  const head = bone(neck, 0.1);
  const leftEye = bone(head, 0.05, 0.03, 0.08);
  const rightEye = bone(head, 0.05, -0.03, 0.08);
  const leftUpperArm = bone(chest, 0.2, 0.2);
  const rightUpperArm = bone(chest, 0.2, -0.2);
  const leg = (x: number) => {
    const upper = bone(hips, -0.1, x);
    const lower = bone(upper, -0.4);
    return [upper, lower, bone(lower, -0.4)];
  };
  const [leftUpperLeg, leftLowerLeg, leftFoot] = leg(0.1);
  const [rightUpperLeg, rightLowerLeg, rightFoot] = leg(-0.1);
  const leftLowerArm = bone(leftUpperArm, 0, 0.25);
  const rightLowerArm = bone(rightUpperArm, 0, -0.25);
  const leftHand = bone(leftLowerArm, 0, 0.25);
  const rightHand = bone(rightLowerArm, 0, -0.25);
  const nodes = {
    hips, spine, chest, neck, head, leftEye, rightEye,
    leftUpperArm, rightUpperArm, leftLowerArm, rightLowerArm, leftHand, rightHand,
    leftUpperLeg, leftLowerLeg, leftFoot, rightUpperLeg, rightLowerLeg, rightFoot,
  };
  const humanoid = new VRMHumanoid(Object.fromEntries(Object.entries(nodes).map(([name, node]) => [name, { node }])) as never);
  scene.add(humanoid.normalizedHumanBonesRoot);
  const expressionManager = new VRMExpressionManager();
  for (const name of expressionNames) expressionManager.registerExpression(new VRMExpression(name));
  const range = () => new VRMLookAtRangeMap(90, EYE_RANGE_DEG);
  const lookAt = new VRMLookAt(humanoid, new VRMLookAtBoneApplier(humanoid, range(), range(), range(), range()));
  return new VRM({ scene, humanoid, expressionManager, lookAt, meta: { metaVersion } as VRMMeta });
}
