import { describe, expect, it } from 'vitest';
import type { AvatarBounds } from '../AvatarBounds';
import { CAMERA_FOV_DEG, computeFraming, type CameraPlacement } from '../computeFraming';

const HUMAN: AvatarBounds = { headY: 1.45, hipsY: 0.95, topY: 1.65, bottomY: 0, centerX: 0, centerZ: 0.02 };

function visibleHeight(p: CameraPlacement, bounds: AvatarBounds): number {
  return 2 * (p.z - bounds.centerZ) * Math.tan((CAMERA_FOV_DEG * Math.PI) / 360);
}

describe('computeFraming', () => {
  it('shows more of the avatar from face to upper to full, in front of it (+Z)', () => {
    const place = (preset: 'face' | 'upper' | 'full') => computeFraming(HUMAN, preset, 16 / 9, { x: 0, y: 0, z: 0, targetY: 0 });
    const face = place('face');
    const upper = place('upper');
    const full = place('full');
    expect(face.z).toBeGreaterThan(HUMAN.centerZ);
    expect(visibleHeight(face, HUMAN)).toBeLessThan(visibleHeight(upper, HUMAN));
    expect(visibleHeight(upper, HUMAN)).toBeLessThan(visibleHeight(full, HUMAN));
    // Full shows head to toe.
    expect(full.targetY + visibleHeight(full, HUMAN) / 2).toBeGreaterThan(HUMAN.topY);
    expect(full.targetY - visibleHeight(full, HUMAN) / 2).toBeLessThan(HUMAN.bottomY);
    // The face shot is centred above the head bone.
    expect(face.targetY).toBeGreaterThan(HUMAN.headY);
  });

  it('backs off in a narrow (portrait) window so the width still fits, keeping the head at the top', () => {
    const wide = computeFraming(HUMAN, 'upper', 16 / 9, { x: 0, y: 0, z: 0, targetY: 0 });
    const tall = computeFraming(HUMAN, 'upper', 9 / 16, { x: 0, y: 0, z: 0, targetY: 0 });
    expect(tall.z).toBeGreaterThan(wide.z);
    const topEdge = (p: CameraPlacement) => p.targetY + visibleHeight(p, HUMAN) / 2;
    expect(topEdge(tall)).toBeCloseTo(topEdge(wide), 9);
    expect(tall.targetY).toBeLessThan(wide.targetY);
  });

  it('scales with the model', () => {
    const small: AvatarBounds = { headY: 0.45, hipsY: 0.2, topY: 0.6, bottomY: 0, centerX: 0.1, centerZ: 0 };
    const p = computeFraming(small, 'full', 1, { x: 0, y: 0, z: 0, targetY: 0 });
    expect(p.x).toBe(0.1);
    expect(p.z).toBeLessThan(computeFraming(HUMAN, 'full', 1, { x: 0, y: 0, z: 0, targetY: 0 }).z);
  });
});
