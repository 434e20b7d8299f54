/** Content types for the files served at `/models/` that generic MIME tables get wrong or miss. */
export const MODEL_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.task': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.vrm': 'model/gltf-binary',
  '.glb': 'model/gltf-binary',
  '.wasm': 'application/wasm',
};

/** The content type for a model file path, or undefined to let the static server decide. */
export function modelContentType(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : MODEL_CONTENT_TYPES[path.slice(dot).toLowerCase()];
}
