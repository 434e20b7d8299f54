import { RIG_PART_COUNT } from './RigPartName';

/** One number per part, in {@link RIG_PART_NAMES} order (e.g. how idle each part is, 0 … 1). */
export type PartWeights = Float64Array;

/** New weights for every part, all `value`. */
export function createPartWeights(value = 0): PartWeights {
  return new Float64Array(RIG_PART_COUNT).fill(value);
}
