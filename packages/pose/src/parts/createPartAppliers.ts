import { BodyPartName } from '@rigcast/protocol';
import { BodyPartApplier } from './BodyPartApplier';
import { FacePartApplier } from './FacePartApplier';
import type { PartApplier } from './PartApplier';
import { TorsoPartApplier } from './TorsoPartApplier';

/** The page's part appliers: the face, the torso, and the arms, hands and legs from the body. */
export function createPartAppliers(): PartApplier[] {
  return [
    new FacePartApplier(),
    new TorsoPartApplier(),
    new BodyPartApplier(BodyPartName.LeftArm),
    new BodyPartApplier(BodyPartName.RightArm),
    new BodyPartApplier(BodyPartName.LeftHand),
    new BodyPartApplier(BodyPartName.RightHand),
    new BodyPartApplier(BodyPartName.LeftLeg),
    new BodyPartApplier(BodyPartName.RightLeg),
  ];
}
