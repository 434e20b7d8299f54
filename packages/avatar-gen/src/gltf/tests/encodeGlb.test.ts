import { describe, expect, it } from 'vitest';
import { encodeGlb } from '../encodeGlb';
import { BufferTarget, GltfDocument } from '../GltfDocument';

const GLB_MAGIC = 0x46546c67;
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

describe('GltfDocument + encodeGlb', () => {
  it('writes a GLB with an aligned JSON chunk and BIN chunk and 4-byte aligned bufferViews', () => {
    const doc = new GltfDocument('test');
    doc.addBufferView(new Uint8Array([1, 2, 3])); // odd length forces padding before the next view
    const pos = doc.addAccessor(new Float32Array([0, 0, 0, 1, 2, 3, -1, 5, 0.5]), 'VEC3', { target: BufferTarget.ArrayBuffer, withBounds: true });
    const glb = encodeGlb(doc);
    const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
    expect(view.getUint32(0, true)).toBe(GLB_MAGIC);
    expect(view.getUint32(4, true)).toBe(2);
    expect(view.getUint32(8, true)).toBe(glb.length);
    const jsonLength = view.getUint32(12, true);
    expect(jsonLength % 4).toBe(0);
    expect(view.getUint32(16, true)).toBe(CHUNK_JSON);
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength)));
    expect(view.getUint32(20 + jsonLength + 4, true)).toBe(CHUNK_BIN);
    const binLength = view.getUint32(20 + jsonLength, true);
    expect(binLength % 4).toBe(0);
    expect(json.buffers[0].byteLength).toBe(binLength);
    expect(json.bufferViews[1].byteOffset).toBe(4);
    expect(json.accessors[pos]).toMatchObject({ count: 3, type: 'VEC3', min: [-1, 0, 0], max: [1, 5, 3] });
  });

  it('writes sparse morph accessors whose bounds include the implicit zeros', () => {
    const doc = new GltfDocument('test');
    const i = doc.addSparseVec3Accessor(10, new Uint16Array([2, 7]), new Float32Array([0.5, 0.25, 1, 0.5, 0.5, 2]));
    expect(doc.json.accessors[i]).toMatchObject({ count: 10, min: [0, 0, 0], max: [0.5, 0.5, 2], sparse: { count: 2 } });
  });
});
