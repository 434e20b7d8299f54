import { createNeutralFrame, encodeFrame } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { OTHER_CLOCK_MS, isNewerFrame } from '../isNewerFrame.js';

const MAX_SEQ = 0xffffffff;
const T = 1_750_000_000_000;
const frame = (seq: number, time: number) => encodeFrame(createNeutralFrame(seq, time));

describe('isNewerFrame', () => {
  it('takes a later seq and drops an earlier or the same frame (the subscribe/read race)', () => {
    expect(isNewerFrame(frame(11, T + 16), frame(10, T))).toBe(true);
    expect(isNewerFrame(frame(10, T), frame(11, T + 16))).toBe(false);
    expect(isNewerFrame(frame(10, T), frame(10, T))).toBe(false);
    expect(isNewerFrame(frame(5, T - 80), frame(10, T))).toBe(false);
  });

  it('counts seq across the wrap at 2³²', () => {
    expect(isNewerFrame(frame(0, T + 16), frame(MAX_SEQ, T))).toBe(true);
    expect(isNewerFrame(frame(3, T + 64), frame(MAX_SEQ - 1, T))).toBe(true);
    expect(isNewerFrame(frame(MAX_SEQ, T), frame(0, T + 16))).toBe(false);
  });

  it('takes a restarted publisher (seq starts over) by its later capture time', () => {
    expect(isNewerFrame(frame(1, T + 5000), frame(90_000, T))).toBe(true);
  });

  it("takes a frame from another clock (a replay, a publisher whose clock restarted) when its time is far behind", () => {
    expect(isNewerFrame(frame(1, 1234), frame(90_000, T))).toBe(true);
    expect(isNewerFrame(frame(1, T - OTHER_CLOCK_MS - 1), frame(90_000, T))).toBe(true);
    expect(isNewerFrame(frame(1, T - OTHER_CLOCK_MS + 1000), frame(90_000, T))).toBe(false);
  });
});
