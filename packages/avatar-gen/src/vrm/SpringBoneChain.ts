/** A chain of helper bones that VRMC_springBone animates (a hair strand). */
export interface SpringBoneChain {
  name: string;
  /** Bone names, root first; the last one is the tip joint. */
  bones: readonly string[];
  stiffness: number;
  gravityPower: number;
  dragForce: number;
  hitRadius: number;
}
