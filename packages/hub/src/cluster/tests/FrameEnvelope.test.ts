import { describe, expect, it } from 'vitest';
import { ENVELOPE_HEADER_BYTES, frameOf, hasEnvelopeHeader, isFromNode, newNodeId, wrapFrame } from '../FrameEnvelope.js';

describe('FrameEnvelope', () => {
  it('wraps a frame with a version and the node id, and gives the same bytes back', () => {
    const node = newNodeId();
    const frame = Uint8Array.from([1, 2, 3, 4]);
    const message = wrapFrame(node, frame);
    expect(message.length).toBe(ENVELOPE_HEADER_BYTES + frame.length);
    expect(hasEnvelopeHeader(message)).toBe(true);
    expect(isFromNode(message, node)).toBe(true);
    expect(isFromNode(message, newNodeId())).toBe(false);
    expect([...frameOf(message)]).toEqual([1, 2, 3, 4]);
  });

  it('refuses messages without a header or with another version', () => {
    expect(hasEnvelopeHeader(Buffer.alloc(0))).toBe(false);
    expect(hasEnvelopeHeader(Buffer.alloc(ENVELOPE_HEADER_BYTES))).toBe(false);
    const other = wrapFrame(newNodeId(), Uint8Array.from([1]));
    other[0] = 2;
    expect(hasEnvelopeHeader(other)).toBe(false);
  });
});
