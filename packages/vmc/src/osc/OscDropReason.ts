/**
 * Why an {@link OscPacketReader} dropped a whole datagram. A dropped datagram changes nothing:
 * none of its messages is delivered, not even those before the fault.
 */
export const OscDropReason = {
  /** Longer than {@link MAX_DATAGRAM_BYTES}. */
  Oversized: 'oversized',
  /** Ends inside a string, an argument, a bundle header or a bundle element. */
  Truncated: 'truncated',
  /**
   * Not OSC: neither a message nor a bundle, an address without its leading `/`, an unknown type
   * tag, padding that is not zero, a bundle element whose size is not a positive multiple of 4,
   * bundles nested too deep, or bytes left over after the last argument.
   */
  Malformed: 'malformed',
} as const;
export type OscDropReason = (typeof OscDropReason)[keyof typeof OscDropReason];

/**
 * The longest datagram read, in bytes. One VMC cycle with all 55 bones and every blendshape is
 * about 8 KB even from a sender that does not split it; four times that leaves room and still
 * bounds the work a datagram can cause.
 */
export const MAX_DATAGRAM_BYTES = 32 * 1024;
