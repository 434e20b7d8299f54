import { randomBytes } from 'node:crypto';

/** The first byte of every rigcast message in Redis; a change of layout gets a new one. */
export const ENVELOPE_VERSION = 1;
/** Bytes of the id of the node that published a message. */
export const NODE_ID_BYTES = 8;
/** Version and node id: the frame's bytes start here. */
export const ENVELOPE_HEADER_BYTES = 1 + NODE_ID_BYTES;

/** A random id for this node, so that it can skip its own messages on a room's channel. */
export function newNodeId(): Buffer {
  return randomBytes(NODE_ID_BYTES);
}

/**
 * What goes into Redis for a frame, on the channel and in the latest key alike: a version byte,
 * the publishing node's id, then the frame's bytes exactly as its publisher sent them.
 */
export function wrapFrame(nodeId: Buffer, frame: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(ENVELOPE_HEADER_BYTES + frame.byteLength);
  message[0] = ENVELOPE_VERSION;
  nodeId.copy(message, 1);
  message.set(frame, ENVELOPE_HEADER_BYTES);
  return message;
}

/** True when `message` has this version's header (the frame after it is not checked here). */
export function hasEnvelopeHeader(message: Buffer): boolean {
  return message.length > ENVELOPE_HEADER_BYTES && message[0] === ENVELOPE_VERSION;
}

/** True when `message` (with a header) was published by the node `nodeId`. */
export function isFromNode(message: Buffer, nodeId: Buffer): boolean {
  return message.compare(nodeId, 0, NODE_ID_BYTES, 1, ENVELOPE_HEADER_BYTES) === 0;
}

/** The frame inside `message` (a view, no copy). */
export function frameOf(message: Buffer): Buffer {
  return message.subarray(ENVELOPE_HEADER_BYTES);
}
