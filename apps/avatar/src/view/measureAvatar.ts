import type { VRM } from '@pixiv/three-vrm';
import { Box3, Vector3 } from 'three';
import type { AvatarBounds } from './AvatarBounds';

/** When a model's mesh bounds are unusable, its head top is guessed this far above the head bone, as a share of hips → head. */
const FALLBACK_HEAD_TOP_SHARE = 0.35;

/** Measures a model in its current (rest) pose. Call once after loading. */
export function measureAvatar(vrm: VRM): AvatarBounds {
  vrm.scene.updateMatrixWorld(true);
  const head = new Vector3();
  const hips = new Vector3();
  vrm.humanoid.getRawBoneNode('head')?.getWorldPosition(head);
  vrm.humanoid.getRawBoneNode('hips')?.getWorldPosition(hips);
  const box = new Box3().setFromObject(vrm.scene);
  const torso = Math.max(head.y - hips.y, 0.05);
  const usable = !box.isEmpty() && Number.isFinite(box.max.y) && box.max.y > head.y;
  return {
    headY: head.y,
    hipsY: hips.y,
    topY: usable ? box.max.y : head.y + torso * FALLBACK_HEAD_TOP_SHARE,
    bottomY: usable ? Math.min(box.min.y, hips.y) : 0,
    centerX: head.x,
    centerZ: head.z,
  };
}
