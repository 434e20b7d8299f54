/** The VMC messages the bridge reads and writes (protocol.vmc.info; summary in docs/VMC.md). */
export const VmcAddress = {
  /** `i loaded` (newer senders add `i calibrationState, i calibrationMode, i trackingStatus`). */
  Ok: '/VMC/Ext/OK',
  /** `f time`, seconds on the sender's clock. */
  Time: '/VMC/Ext/T',
  /** `s "root"`, `f px py pz`, `f qx qy qz qw` (VMC 2.1 adds `f` scale and offset, six more). */
  RootPos: '/VMC/Ext/Root/Pos',
  /** `s boneName`, `f px py pz`, `f qx qy qz qw`: a bone's local position and rotation. */
  BonePos: '/VMC/Ext/Bone/Pos',
  /** `s name`, `f value`: one blendshape. */
  BlendVal: '/VMC/Ext/Blend/Val',
  /** No arguments: apply the blendshape values received since the last Apply. */
  BlendApply: '/VMC/Ext/Blend/Apply',
} as const;
export type VmcAddress = (typeof VmcAddress)[keyof typeof VmcAddress];

/** Every address the bridge knows, in a fixed order (their index is their id in the reader's table). */
export const VMC_ADDRESSES: readonly VmcAddress[] = Object.values(VmcAddress);

/** The port a VMC marionette (a receiver: VSeeFace, Warudo, VNyan, this bridge's `in`) listens on by default. */
export const VMC_MARIONETTE_PORT = 39539;
