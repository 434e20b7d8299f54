import { describe, expect, it } from 'vitest';
import { solveEmotions, solveVowels, type MouthInput } from '../solveMouth';

const rest: MouthInput = {
  jawOpen: 0.05, mouthFunnel: 0, mouthPucker: 0, mouthStretch: 0, mouthSmile: 0, mouthFrown: 0,
  mouthClose: 0, browDown: 0, browInnerUp: 0, browOuterUp: 0, eyeWide: 0, eyeSquint: 0,
};

function vowels(input: Partial<MouthInput>) {
  const out = { aa: 0, ih: 0, ou: 0, ee: 0, oh: 0 };
  solveVowels({ ...rest, ...input }, out);
  return out;
}

function emotions(input: Partial<MouthInput>) {
  const out = { happy: 0, angry: 0, sad: 0, relaxed: 0, surprised: 0 };
  solveEmotions({ ...rest, ...input }, out);
  return out;
}

const top = (v: Record<string, number>) => Object.entries(v).sort((a, b) => b[1] - a[1])[0][0];

describe('solveVowels', () => {
  it('is silent with the mouth at rest', () => {
    expect(Math.max(...Object.values(vowels({})))).toBeLessThan(0.05);
  });

  it('picks the vowel the mouth shape makes', () => {
    expect(top(vowels({ jawOpen: 0.6 }))).toBe('aa');
    expect(top(vowels({ jawOpen: 0.45, mouthFunnel: 0.6 }))).toBe('oh');
    expect(top(vowels({ jawOpen: 0.08, mouthPucker: 0.7 }))).toBe('ou');
    expect(top(vowels({ jawOpen: 0.15, mouthStretch: 0.5 }))).toBe('ee');
    expect(vowels({ jawOpen: 0.6 }).aa).toBeGreaterThan(0.8);
  });

  it('never sums above 1', () => {
    for (const jawOpen of [0, 0.3, 0.8]) {
      for (const s of [0, 0.5, 1]) {
        const v = vowels({ jawOpen, mouthFunnel: s, mouthPucker: s, mouthStretch: s, mouthSmile: s });
        expect(v.aa + v.ih + v.ou + v.ee + v.oh).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });
});

describe('solveEmotions', () => {
  it('reads a smile as happy, raised brows with wide eyes as surprised, lowered brows as angry, a frown as sad', () => {
    expect(top(emotions({ mouthSmile: 0.8 }))).toBe('happy');
    expect(top(emotions({ browInnerUp: 0.8, browOuterUp: 0.8, eyeWide: 0.5 }))).toBe('surprised');
    expect(top(emotions({ browDown: 0.8 }))).toBe('angry');
    expect(top(emotions({ mouthFrown: 0.6, browInnerUp: 0.4 }))).toBe('sad');
    expect(Math.max(...Object.values(emotions({})))).toBe(0);
  });
});
