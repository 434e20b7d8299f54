export * from './GltfDocument';
export * from './encodeGlb';
