import type { GltfDocument } from './GltfDocument';

const GLB_MAGIC = 0x46546c67; // "glTF"
const GLB_VERSION = 2;
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"
const SPACE = 0x20;

/** glTF forbids empty top-level arrays (an animation has no images, for one); they are left out. */
function withoutEmptyArrays(json: object): object {
  return Object.fromEntries(Object.entries(json).filter(([, value]) => !(Array.isArray(value) && value.length === 0)));
}

/** Packs a {@link GltfDocument} as a binary glTF (GLB): header, JSON chunk (space-padded), BIN chunk. */
export function encodeGlb(doc: GltfDocument): Uint8Array {
  const bin = doc.binary();
  const jsonBytes = new TextEncoder().encode(JSON.stringify(withoutEmptyArrays(doc.json)));
  const jsonLength = jsonBytes.length + ((4 - (jsonBytes.length % 4)) % 4);
  const total = 12 + 8 + jsonLength + 8 + bin.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, GLB_VERSION, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, CHUNK_JSON, true);
  out.fill(SPACE, 20, 20 + jsonLength);
  out.set(jsonBytes, 20);
  const binHeader = 20 + jsonLength;
  view.setUint32(binHeader, bin.length, true);
  view.setUint32(binHeader + 4, CHUNK_BIN, true);
  out.set(bin, binHeader + 8);
  return out;
}
