/** glTF 2.0 component types. */
export const ComponentType = {
  UnsignedByte: 5121,
  UnsignedShort: 5123,
  UnsignedInt: 5125,
  Float: 5126,
} as const;
export type ComponentType = (typeof ComponentType)[keyof typeof ComponentType];

/** glTF 2.0 bufferView targets. */
export const BufferTarget = { ArrayBuffer: 34962, ElementArrayBuffer: 34963 } as const;
export type BufferTarget = (typeof BufferTarget)[keyof typeof BufferTarget];

/** The accessor element types this writer uses, with their component counts. */
export const ACCESSOR_TYPE_SIZE = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 } as const;
export type AccessorType = keyof typeof ACCESSOR_TYPE_SIZE;

type TypedArray = Float32Array | Uint32Array | Uint16Array | Uint8Array;

function componentTypeOf(data: TypedArray): ComponentType {
  if (data instanceof Float32Array) return ComponentType.Float;
  if (data instanceof Uint32Array) return ComponentType.UnsignedInt;
  if (data instanceof Uint16Array) return ComponentType.UnsignedShort;
  return ComponentType.UnsignedByte;
}

function minMax(data: TypedArray, size: number): { min: number[]; max: number[] } {
  const min = new Array<number>(size).fill(Infinity);
  const max = new Array<number>(size).fill(-Infinity);
  for (let i = 0; i < data.length; i++) {
    const c = i % size;
    if (data[i] < min[c]) min[c] = data[i];
    if (data[i] > max[c]) max[c] = data[i];
  }
  // Float accessors store float32 values; JSON must hold exactly those.
  return { min: min.map((v) => Math.fround(v)), max: max.map((v) => Math.fround(v)) };
}

/** A JSON object of the glTF document; loosely typed on purpose, the validator checks it. */
export type GltfJson = Record<string, unknown> & {
  asset: { version: string; generator?: string };
  buffers: { byteLength: number }[];
  bufferViews: Record<string, unknown>[];
  accessors: Record<string, unknown>[];
  images: Record<string, unknown>[];
  extensionsUsed: string[];
};

/**
 * Builds a glTF 2.0 document with a single binary buffer (the GLB BIN chunk).
 * Every bufferView starts on a 4-byte boundary.
 */
export class GltfDocument {
  /** The glTF JSON, filled in by the caller for nodes, meshes, materials… */
  readonly json: GltfJson;
  private readonly chunks: Uint8Array[] = [];
  private byteLength = 0;

  constructor(generator: string) {
    this.json = {
      asset: { version: '2.0', generator },
      buffers: [{ byteLength: 0 }],
      bufferViews: [],
      accessors: [],
      images: [],
      extensionsUsed: [],
    };
  }

  /** Appends bytes to the binary buffer and returns the new bufferView's index. */
  addBufferView(bytes: Uint8Array, target?: BufferTarget): number {
    const padding = (4 - (this.byteLength % 4)) % 4;
    if (padding) {
      this.chunks.push(new Uint8Array(padding));
      this.byteLength += padding;
    }
    const view: Record<string, unknown> = { buffer: 0, byteOffset: this.byteLength, byteLength: bytes.length };
    if (target !== undefined) view.target = target;
    this.chunks.push(bytes);
    this.byteLength += bytes.length;
    this.json.bufferViews.push(view);
    return this.json.bufferViews.length - 1;
  }

  /**
   * Adds an accessor over a new bufferView holding `data`.
   * @param withBounds write min/max (required for POSITION).
   */
  addAccessor(data: TypedArray, type: AccessorType, options: { target?: BufferTarget; withBounds?: boolean; normalized?: boolean } = {}): number {
    const size = ACCESSOR_TYPE_SIZE[type];
    const bufferView = this.addBufferView(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), options.target);
    const accessor: Record<string, unknown> = { bufferView, componentType: componentTypeOf(data), count: data.length / size, type };
    if (options.normalized) accessor.normalized = true;
    if (options.withBounds) Object.assign(accessor, minMax(data, size));
    this.json.accessors.push(accessor);
    return this.json.accessors.length - 1;
  }

  /** Adds a VEC3 float accessor of `count` zeros that needs no bytes at all. */
  addZeroVec3Accessor(count: number): number {
    this.json.accessors.push({ componentType: ComponentType.Float, count, type: 'VEC3', min: [0, 0, 0], max: [0, 0, 0] });
    return this.json.accessors.length - 1;
  }

  /**
   * Adds a sparse VEC3 float accessor: zeros except `values` (xyz per entry) at `indices`.
   * Used for morph targets, which move a few hundred of thousands of vertices.
   */
  addSparseVec3Accessor(count: number, indices: Uint16Array | Uint32Array, values: Float32Array): number {
    const bounds = minMax(values, 3);
    for (let c = 0; c < 3; c++) {
      bounds.min[c] = Math.min(0, bounds.min[c]);
      bounds.max[c] = Math.max(0, bounds.max[c]);
    }
    const indicesView = this.addBufferView(new Uint8Array(indices.buffer, indices.byteOffset, indices.byteLength));
    const valuesView = this.addBufferView(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    this.json.accessors.push({
      componentType: ComponentType.Float,
      count,
      type: 'VEC3',
      ...bounds,
      sparse: {
        count: indices.length,
        indices: { bufferView: indicesView, componentType: componentTypeOf(indices) },
        values: { bufferView: valuesView },
      },
    });
    return this.json.accessors.length - 1;
  }

  /** Embeds an image (e.g. PNG bytes) in the binary buffer and returns the image index. */
  addImage(bytes: Uint8Array, mimeType: string, name: string): number {
    const bufferView = this.addBufferView(bytes);
    this.json.images.push({ name, bufferView, mimeType });
    return this.json.images.length - 1;
  }

  /** Declares an extension as used (once). */
  useExtension(name: string): void {
    if (!this.json.extensionsUsed.includes(name)) this.json.extensionsUsed.push(name);
  }

  /** The binary buffer, padded to 4 bytes. */
  binary(): Uint8Array {
    const total = this.byteLength + ((4 - (this.byteLength % 4)) % 4);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    this.json.buffers[0].byteLength = total;
    return out;
  }
}
