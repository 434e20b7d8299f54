import { describe, expect, it } from 'vitest';
import { WebSocketOpcode, encodeWebSocketFrame } from '../encodeWebSocketFrame.js';

describe('encodeWebSocketFrame', () => {
  it('writes FIN, the opcode and the 7-, 16- and 64-bit length forms of RFC 6455, unmasked', () => {
    const small = encodeWebSocketFrame(WebSocketOpcode.Text, Buffer.from('4hello'));
    expect([...small[0]]).toEqual([0x81, 6]);
    expect(small[1].toString()).toBe('4hello');

    const medium = encodeWebSocketFrame(WebSocketOpcode.Binary, new Uint8Array(300));
    expect([...medium[0]]).toEqual([0x82, 126, 0x01, 0x2c]);

    const large = encodeWebSocketFrame(WebSocketOpcode.Binary, new Uint8Array(70_000));
    expect([...large[0]]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70]);
  });

  it('keeps the payload bytes without copying a Buffer, and views a Uint8Array slice exactly', () => {
    const buffer = Buffer.from([1, 2, 3]);
    expect(encodeWebSocketFrame(WebSocketOpcode.Binary, buffer)[1]).toBe(buffer);
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    expect([...encodeWebSocketFrame(WebSocketOpcode.Binary, backing.subarray(1, 4))[1]]).toEqual([1, 2, 3]);
  });
});
