/** WebSocket opcodes (RFC 6455 §5.2) used for pre-encoded frames. */
export const WebSocketOpcode = { Text: 0x1, Binary: 0x2 } as const;
export type WebSocketOpcode = (typeof WebSocketOpcode)[keyof typeof WebSocketOpcode];

const FIN = 0x80;
const LENGTH_16_MARK = 126;
const LENGTH_64_MARK = 127;
const MAX_7_BIT_LENGTH = 125;
const MAX_16_BIT_LENGTH = 0xffff;

/**
 * A complete, unmasked, final server-to-client WebSocket frame as `[header, payload]`, the form
 * `ws`'s `Sender.frame()` returns and Engine.IO accepts as a packet's `wsPreEncodedFrame`. The
 * hub builds it once per relayed frame instead of once per viewer.
 */
export function encodeWebSocketFrame(opcode: WebSocketOpcode, payload: Uint8Array): [Buffer, Buffer] {
  const length = payload.byteLength;
  let header: Buffer;
  if (length <= MAX_7_BIT_LENGTH) {
    header = Buffer.allocUnsafe(2);
    header[1] = length;
  } else if (length <= MAX_16_BIT_LENGTH) {
    header = Buffer.allocUnsafe(4);
    header[1] = LENGTH_16_MARK;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.allocUnsafe(10);
    header[1] = LENGTH_64_MARK;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  header[0] = FIN | opcode;
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  return [header, body];
}
