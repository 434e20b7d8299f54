/** Why `in` ignored one message of a valid datagram; the rest of the datagram still applies. */
export const VmcIgnoreReason = {
  /** An address the bridge does not read (cameras, trackers, lights … or a typo). */
  UnknownAddress: 'unknown-address',
  /** Type tags other than the address's (`i` where VMC sends `f`, missing or extra arguments). */
  WrongType: 'wrong-type',
  /** A NaN or infinite number. */
  NotFinite: 'not-finite',
  /** A bone rotation of (near) zero length, which is no rotation. */
  ZeroRotation: 'zero-rotation',
  /** A bone or blendshape name the bridge does not know (names are case-sensitive). */
  UnknownName: 'unknown-name',
} as const;
export type VmcIgnoreReason = (typeof VmcIgnoreReason)[keyof typeof VmcIgnoreReason];

/** Every reason, in the order the status line lists them. */
export const VMC_IGNORE_REASONS: readonly VmcIgnoreReason[] = Object.values(VmcIgnoreReason);
