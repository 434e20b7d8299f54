import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, createNeutralFace } from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { loadFaceFixture } from '../../fixture/loadFaceFixture';
import { FaceSolver } from '../FaceSolver';
import { deriveRigExpressions } from '../deriveRigExpressions';

const arkit = (weights: Partial<Record<(typeof ARKIT_BLENDSHAPE_NAMES)[number], number>>): Float64Array =>
  Float64Array.from(ARKIT_BLENDSHAPE_NAMES, (name) => weights[name] ?? 0);
const expressionsOf = (out: Float64Array): Record<string, number> =>
  Object.fromEntries(RIG_EXPRESSION_NAMES.map((name, i) => [name, out[i]]));

describe('deriveRigExpressions', () => {
  it('turns an ARKit-only face into the presets a model without perfect sync needs', () => {
    const out = new Float64Array(RIG_EXPRESSION_NAMES.length);
    deriveRigExpressions(arkit({ jawOpen: 0.7, eyeBlinkLeft: 1, eyeBlinkRight: 0.2, mouthSmileLeft: 0.8, mouthSmileRight: 0.8 }), 0, out, 0);
    const e = expressionsOf(out);
    expect(e.blink).toBeCloseTo(0.2, 12);
    expect(e.blinkLeft).toBeCloseTo(0.8, 12);
    expect(e.blinkRight).toBe(0);
    expect(e.aa + e.ih + e.ee).toBeGreaterThan(0.4);
    expect(e.happy).toBeGreaterThan(0.9);
    deriveRigExpressions(arkit({}), 0, out, 0);
    expect(Array.from(out).every((v) => v === 0)).toBe(true);
  });

  it('is the derivation the face solver uses: its presets follow from its own ARKit output', () => {
    const fixture = loadFaceFixture();
    const solver = new FaceSolver();
    const face = createNeutralFace();
    const derived = new Float64Array(RIG_EXPRESSION_NAMES.length);
    let compared = 0;
    fixture.frames.forEach((frame, i) => {
      solver.solve(frame.result, i * 33.3, fixture.width, fixture.height, face);
      // During the return blend after calibration or loss, presets and shapes blend separately; compare steady frames.
      if (i < 10 || solver.state !== 'tracking') return;
      deriveRigExpressions(Float64Array.from(ARKIT_BLENDSHAPE_NAMES, (name) => face.blendshapes[name]), 0, derived, 0);
      RIG_EXPRESSION_NAMES.forEach((name, k) => expect(face.expressions[name]).toBeCloseTo(derived[k], 9));
      compared++;
    });
    expect(compared).toBeGreaterThan(300);
  });
});
