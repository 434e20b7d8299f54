import { describe, expect, it } from 'vitest';
import { MAX_HAND_CONTINUITY, MAX_HAND_TO_POSE_WRIST, MIN_POSE_MATCH_MARGIN, assignHands, type DetectedHandLike } from '../assignHands';
import type { HandSide } from '../HandSide';
import type { PoseWristsLike } from '../PoseWristsLike';

// The subject faces the camera: their left wrist is on the image's right.
const POSE: PoseWristsLike = { left: { x: 0.7, y: 0.6, visibility: 0.9 }, right: { x: 0.3, y: 0.6, visibility: 0.9 }, aspect: 16 / 9 };
const hand = (x: number, y: number, label: string): DetectedHandLike => ({ wrist: { x, y }, label });
const sides = (): (HandSide | null)[] => [null, null];

describe('assignHands', () => {
  it('puts hands on the nearer pose wrist whatever their labels say: swapped, doubled or missing', () => {
    for (const [a, b] of [['Right', 'Left'], ['Left', 'Left'], ['Right', 'Right'], ['', '']]) {
      // Hand 0 at the subject's left wrist, hand 1 at their right, labels deliberately wrong.
      expect(assignHands([hand(0.71, 0.58, a), hand(0.31, 0.62, b)], 2, POSE, sides())).toEqual(['left', 'right']);
      expect(assignHands([hand(0.31, 0.62, a), hand(0.71, 0.58, b)], 2, POSE, sides())).toEqual(['right', 'left']);
    }
    expect(assignHands([hand(0.31, 0.62, 'Left')], 1, POSE, sides())).toEqual(['right', null]);
  });

  it('keeps a tracked hand on its side while one hand is seen near where it was, whatever the pose guesses or the label says', () => {
    // hand.mp4, mirror off here: the open right hand up at the camera, both pose wrists guessed
    // below it, the subject's left one the nearer by a clear margin; and the label flipped.
    const guessed: PoseWristsLike = { left: { x: 0.4, y: 0.55, visibility: 0.55 }, right: { x: 0.38, y: 0.7, visibility: 0.6 }, aspect: 4 / 3 };
    const seen = hand(0.39, 0.33, 'Left');
    expect(assignHands([seen], 1, guessed, sides())).toEqual(['left', null]);
    expect(assignHands([seen], 1, guessed, sides(), false, { left: null, right: { x: 0.4, y: 0.3 } })).toEqual(['right', null]);
    // Too far from where it was (MAX_HAND_CONTINUITY), or two hands tracked, or two seen: the other rules.
    expect(assignHands([seen], 1, guessed, sides(), false, { left: null, right: { x: 0.4, y: 0.3 + MAX_HAND_CONTINUITY + 0.05 } })).toEqual(['left', null]);
    expect(assignHands([seen], 1, guessed, sides(), false, { left: { x: 0.1, y: 0.3 }, right: { x: 0.4, y: 0.3 } })).toEqual(['left', null]);
    expect(assignHands([hand(0.71, 0.58, 'Right'), hand(0.31, 0.62, 'Left')], 2, POSE, sides(), false, { left: null, right: { x: 0.7, y: 0.6 } })).toEqual(['left', 'right']);
  });

  it('keeps crossed arms straight: each hand goes with its own wrist, wherever it is', () => {
    const crossed: PoseWristsLike = { left: { x: 0.35, y: 0.5 }, right: { x: 0.65, y: 0.5 }, aspect: 4 / 3 };
    expect(assignHands([hand(0.36, 0.52, 'Right'), hand(0.64, 0.5, 'Left')], 2, crossed, sides())).toEqual(['left', 'right']);
  });

  it('falls back to the label when the pose sees no wrist, or none in the frame', () => {
    const outOfFrame: PoseWristsLike = { left: { x: 0.6, y: 1.08, visibility: 0.55 }, right: { x: 0.3, y: 1.2, visibility: 0.5 }, aspect: 16 / 9 };
    const hidden: PoseWristsLike = { left: { x: 0.7, y: 0.6, visibility: 0.2 }, right: null, aspect: 16 / 9 };
    for (const pose of [null, outOfFrame, hidden]) {
      expect(assignHands([hand(0.3, 0.5, 'Left')], 1, pose, sides())).toEqual(['left', null]);
      expect(assignHands([hand(0.3, 0.5, 'Right'), hand(0.8, 0.5, 'Left')], 2, pose, sides())).toEqual(['right', 'left']);
    }
  });

  it('lets the label decide when the pose cannot tell its wrists apart (both in one place, as on hand.mp4 frame 64)', () => {
    const unsure: PoseWristsLike = { left: { x: 0.383, y: 0.685, visibility: 0.5 }, right: { x: 0.383, y: 0.691, visibility: 0.63 }, aspect: 16 / 9 };
    expect(assignHands([hand(0.39, 0.5, 'Right')], 1, unsure, sides())).toEqual(['right', null]);
    expect(assignHands([hand(0.39, 0.5, 'Right'), hand(0.39, 0.9, 'Left')], 2, unsure, sides())).toEqual(['right', 'left']);
    // Twice the margin apart: clear, and the pose wins over a wrong label.
    const apart: PoseWristsLike = { ...unsure, left: { x: 0.383 + (2 * MIN_POSE_MATCH_MARGIN) / unsure.aspect, y: 0.691 } };
    expect(assignHands([hand(0.383, 0.691, 'Left')], 1, apart, sides())).toEqual(['right', null]);
  });

  it('reads the label the other way round when the image was mirrored', () => {
    expect(assignHands([hand(0.3, 0.5, 'Left')], 1, null, sides(), true)).toEqual(['right', null]);
  });

  it('tells two hands with the same label apart by position: the subject\'s left is on the image\'s right', () => {
    expect(assignHands([hand(0.2, 0.5, 'Right'), hand(0.8, 0.5, 'Right')], 2, null, sides())).toEqual(['right', 'left']);
    expect(assignHands([hand(0.8, 0.5, 'Left'), hand(0.2, 0.5, 'Left')], 2, null, sides())).toEqual(['left', 'right']);
    // Mirrored image: the subject's left is on the image's left.
    expect(assignHands([hand(0.8, 0.5, 'Left'), hand(0.2, 0.5, 'Left')], 2, null, sides(), true)).toEqual(['right', 'left']);
  });

  it('with one wrist seen, the hand near it takes its side and a far one the other', () => {
    const onlyRight: PoseWristsLike = { left: { x: 0.7, y: 1.3, visibility: 0.3 }, right: { x: 0.3, y: 0.6 }, aspect: 16 / 9 };
    expect(assignHands([hand(0.8, 0.4, 'Right'), hand(0.32, 0.6, 'Right')], 2, onlyRight, sides())).toEqual(['left', 'right']);
  });

  it('trusts the label over a pose wrist that is nowhere near the only hand (the pose is wrong, as on hand.mp4)', () => {
    // hand.mp4, frame 100: the pose puts the right wrist at y 0.68, the hand's wrist is at y 0.20.
    const misplaced: PoseWristsLike = { left: { x: 0.46, y: 0.71, visibility: 0.42 }, right: { x: 0.39, y: 0.68, visibility: 0.68 }, aspect: 16 / 9 };
    expect(assignHands([hand(0.38, 0.2, 'Right')], 1, misplaced, sides())).toEqual(['right', null]);
    expect(assignHands([hand(0.38, 0.2, 'Left')], 1, misplaced, sides())).toEqual(['left', null]);
  });

  it('drops the second of two hands when it is far from the wrist left for it (someone else\'s, or a false detection)', () => {
    const far = 0.3 + (MAX_HAND_TO_POSE_WRIST + 0.05) * (9 / 16);
    expect(assignHands([hand(0.31, 0.6, 'Right'), hand(far, 0.05, 'Left')], 2, { ...POSE, left: { x: far + 0.4, y: 0.6 } }, sides())[1]).toBeNull();
  });

  it('clears the output and reads at most two hands', () => {
    const out: (HandSide | null)[] = ['left', 'left'];
    expect(assignHands([], 0, POSE, out)).toEqual([null, null]);
  });
});
