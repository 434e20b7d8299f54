/** A minimal GLB reader for tests: the JSON, and accessors decoded to dense float arrays (sparse included). */
export interface Glb {
  json: any;
  bin: Uint8Array;
}

export function readGlb(bytes: Uint8Array): Glb {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  const binLength = view.getUint32(20 + jsonLength, true);
  const bin = bytes.subarray(28 + jsonLength, 28 + jsonLength + binLength);
  return { json, bin };
}

const SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 };

function typed(glb: Glb, bufferView: number, componentType: number, count: number): ArrayLike<number> {
  const bv = glb.json.bufferViews[bufferView];
  const offset = glb.bin.byteOffset + (bv.byteOffset ?? 0);
  const buf = glb.bin.buffer;
  switch (componentType) {
    case 5126: return new Float32Array(buf.slice(offset, offset + count * 4));
    case 5125: return new Uint32Array(buf.slice(offset, offset + count * 4));
    case 5123: return new Uint16Array(buf.slice(offset, offset + count * 2));
    default: return new Uint8Array(buf.slice(offset, offset + count));
  }
}

/** Dense values of accessor `index` (normalized integers are not rescaled). */
export function readAccessor(glb: Glb, index: number): Float64Array {
  const a = glb.json.accessors[index];
  const size = SIZE[a.type];
  const out = new Float64Array(a.count * size);
  if (a.bufferView !== undefined) out.set(Array.from(typed(glb, a.bufferView, a.componentType, a.count * size)));
  if (a.sparse) {
    const idx = typed(glb, a.sparse.indices.bufferView, a.sparse.indices.componentType, a.sparse.count);
    const values = typed(glb, a.sparse.values.bufferView, a.componentType, a.sparse.count * size);
    for (let i = 0; i < a.sparse.count; i++) for (let c = 0; c < size; c++) out[idx[i] * size + c] = values[i * size + c];
  }
  return out;
}
