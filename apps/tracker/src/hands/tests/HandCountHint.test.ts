import { describe, expect, it } from 'vitest';
import { FEWER_HANDS_AFTER_MS, HandCountHint } from '../HandCountHint';

const IN = { x: 0.3, y: 0.5, visibility: 0.9 };
const OUT = { x: 0.3, y: 1.4, visibility: 0.9 };
const pose = (left: typeof IN | null, right: typeof IN | null) => ({ poseRunning: true, poseWrists: { left, right, aspect: 4 / 3 }, handsTracked: 0 });

describe('HandCountHint', () => {
  it('looks for both hands with no pose, and as many as the pose shows wrists in the picture (at least one) with one', () => {
    expect(new HandCountHint().update({ poseRunning: false, poseWrists: null, handsTracked: 0 }, 0)).toBe(2);
    expect(new HandCountHint().update({ poseRunning: true, poseWrists: null, handsTracked: 0 }, 0)).toBe(2);
    const hint = new HandCountHint();
    hint.update(pose(IN, OUT), 0);
    expect(hint.update(pose(IN, OUT), FEWER_HANDS_AFTER_MS)).toBe(1);
    expect(hint.update(pose(IN, IN), FEWER_HANDS_AFTER_MS + 1)).toBe(2);
  });

  it('looks for fewer hands only once fewer were wanted for a second, and for more at once', () => {
    const hint = new HandCountHint();
    expect(hint.update(pose(OUT, OUT), 0)).toBe(2);
    expect(hint.update(pose(OUT, OUT), FEWER_HANDS_AFTER_MS - 1)).toBe(2);
    // A wrist flickering back resets the wait.
    expect(hint.update(pose(IN, IN), FEWER_HANDS_AFTER_MS - 0.5)).toBe(2);
    expect(hint.update(pose(IN, OUT), FEWER_HANDS_AFTER_MS)).toBe(2);
    expect(hint.update(pose(IN, OUT), 2 * FEWER_HANDS_AFTER_MS - 1)).toBe(2);
    expect(hint.update(pose(IN, OUT), 2 * FEWER_HANDS_AFTER_MS)).toBe(1);
    // Two hands tracked keep two, whatever the pose shows.
    expect(hint.update({ ...pose(IN, OUT), handsTracked: 2 }, 2 * FEWER_HANDS_AFTER_MS + 1)).toBe(2);
  });
});
