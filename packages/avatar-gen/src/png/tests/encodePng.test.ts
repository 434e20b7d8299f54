import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../encodePng';

describe('encodePng', () => {
  it('round-trips RGBA pixels through a real PNG decoder', () => {
    const w = 7;
    const h = 5;
    const px = new Uint8Array(w * h * 4);
    for (let i = 0; i < px.length; i++) px[i] = (i * 37 + 11) & 255;
    const decoded = PNG.sync.read(Buffer.from(encodePng(w, h, px)));
    expect(decoded.width).toBe(w);
    expect(decoded.height).toBe(h);
    expect(new Uint8Array(decoded.data)).toEqual(px);
  });

  it('gives the same bytes for the same pixels', () => {
    const px = new Uint8Array(16 * 16 * 4).map((_, i) => i % 251);
    expect(encodePng(16, 16, px)).toEqual(encodePng(16, 16, px.slice()));
  });

  it('rejects a pixel buffer of the wrong size with a clear message', () => {
    expect(() => encodePng(4, 4, new Uint8Array(10))).toThrow(/expected 64 RGBA bytes for 4x4, got 10/);
    expect(() => encodePng(0, 4, new Uint8Array(0))).toThrow(/positive integers/);
  });
});
