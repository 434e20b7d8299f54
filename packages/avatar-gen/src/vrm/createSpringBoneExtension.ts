import type { Skeleton } from '../rig/Skeleton';
import type { SpringBoneChain } from './SpringBoneChain';

/**
 * The `VRMC_springBone` 1.0 extension: one spring per hair chain, colliding with the head, the
 * chest and the upper arms.
 */
export function createSpringBoneExtension(chains: readonly SpringBoneChain[], skeleton: Skeleton): Record<string, unknown> {
  return {
    specVersion: '1.0',
    colliders: [
      { node: skeleton.index('head'), shape: { sphere: { offset: [0, 0.13, 0], radius: 0.115 } } },
      { node: skeleton.index('upperChest'), shape: { sphere: { offset: [0, 0.02, -0.01], radius: 0.085 } } },
      { node: skeleton.index('leftUpperArm'), shape: { capsule: { offset: [0, 0, 0], radius: 0.04, tail: [0.2, 0, 0] } } },
      { node: skeleton.index('rightUpperArm'), shape: { capsule: { offset: [0, 0, 0], radius: 0.04, tail: [-0.2, 0, 0] } } },
    ],
    colliderGroups: [{ name: 'body', colliders: [0, 1, 2, 3] }],
    springs: chains.map((c) => ({
      name: c.name,
      joints: c.bones.map((b) => ({
        node: skeleton.index(b),
        hitRadius: c.hitRadius,
        stiffness: c.stiffness,
        gravityPower: c.gravityPower,
        gravityDir: [0, -1, 0],
        dragForce: c.dragForce,
      })),
      colliderGroups: [0],
    })),
  };
}
