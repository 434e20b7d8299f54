import { BodyPartName } from '@rigcast/protocol';

/**
 * The parts of the avatar that follow the stream, or rest and idle, each on its own: the face
 * and the body parts of the wire format ({@link BodyPartName}).
 */
export const RigPartName = { Face: 'face', ...BodyPartName } as const;
export type RigPartName = (typeof RigPartName)[keyof typeof RigPartName];

/** Every part, face first, then the body parts in wire order. Indexes {@link PartWeights}. */
export const RIG_PART_NAMES: readonly RigPartName[] = Object.values(RigPartName);

/** How many parts there are. */
export const RIG_PART_COUNT = RIG_PART_NAMES.length;

const partIndex = new Map<string, number>(RIG_PART_NAMES.map((name, i) => [name, i]));

/** The index of a part in {@link RIG_PART_NAMES}. */
export function rigPartIndex(name: RigPartName): number {
  return partIndex.get(name)!;
}
