import { HAND_LANDMARK_COUNT, type HandLandmarkerResultLike, type HandednessCategoryLike } from '@rigcast/solver';
import { HAND_FLOATS, HAND_LANDMARK_STRIDE, MAX_HANDS, RIGHT_LABEL, type PackedHandsArrays, type PackedHandsInfo } from './packHandsResult';

/** MediaPipe's label for the subject's left hand. */
const LEFT_LABEL = 'Left';

interface Point {
  x: number;
  y: number;
  z: number;
}

function points(): Point[] {
  return Array.from({ length: HAND_LANDMARK_COUNT }, () => ({ x: 0, y: 0, z: 0 }));
}

function fill(target: Point[], source: Float32Array, offset: number): void {
  for (let i = 0, o = offset; i < HAND_LANDMARK_COUNT; i++, o += HAND_LANDMARK_STRIDE) {
    const point = target[i];
    point.x = source[o];
    point.y = source[o + 1];
    point.z = source[o + 2];
  }
}

/** For each count 0 … MAX_HANDS, the list of the first `count` items: the lists a view shows, made once. */
function prefixes<T>(items: T[]): T[][] {
  return Array.from({ length: MAX_HANDS + 1 }, (_, count) => items.slice(0, count));
}

/**
 * A MediaPipe-shaped hands result (a {@link HandLandmarkerResultLike}, what the hand solver reads),
 * allocated once and refilled from packed arrays for every frame, so that solving allocates nothing.
 */
export class HandsResultView implements HandLandmarkerResultLike {
  landmarks: Point[][];
  worldLandmarks: Point[][];
  handedness: HandednessCategoryLike[][];
  private readonly image = Array.from({ length: MAX_HANDS }, points);
  private readonly world = Array.from({ length: MAX_HANDS }, points);
  private readonly labels: HandednessCategoryLike[][] = Array.from({ length: MAX_HANDS }, () => [{ categoryName: '', score: 0 }]);
  private readonly imageLists = prefixes(this.image);
  private readonly worldLists = prefixes(this.world);
  private readonly labelLists = prefixes(this.labels);

  constructor() {
    this.landmarks = this.imageLists[0];
    this.worldLandmarks = this.worldLists[0];
    this.handedness = this.labelLists[0];
  }

  /** How many hands the view shows. */
  get count(): number {
    return this.landmarks.length;
  }

  /** Shows no hands. */
  clear(): void {
    this.show(0);
  }

  /** Refills the view from a packed result. Allocates nothing. */
  update(arrays: PackedHandsArrays, info: PackedHandsInfo): void {
    const count = Math.min(info.count, MAX_HANDS);
    for (let h = 0; h < count; h++) {
      fill(this.image[h], arrays.image, h * HAND_FLOATS);
      fill(this.world[h], arrays.world, h * HAND_FLOATS);
      const label = this.labels[h][0];
      label.categoryName = arrays.right[h] === 1 ? RIGHT_LABEL : LEFT_LABEL;
      label.score = arrays.labelScore[h];
    }
    this.show(count);
  }

  private show(count: number): void {
    this.landmarks = this.imageLists[count];
    this.worldLandmarks = this.worldLists[count];
    this.handedness = this.labelLists[count];
  }
}
