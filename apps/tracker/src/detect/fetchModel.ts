import { ModelLoadError } from './ModelLoadError';

/** ZIP's end-of-central-directory signature: a `.task` bundle is a ZIP archive (sometimes with a prefix). */
const ZIP_END_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
/** The end record is 22 bytes plus a comment of at most 65535. */
const ZIP_END_SEARCH_BYTES = 22 + 0xffff;

/**
 * Called as the model downloads. `fraction` is in [0, 1], or `NaN` while the size is unknown.
 */
export type ModelProgress = (fraction: number, loadedBytes: number, totalBytes: number) => void;

function looksLikeTaskBundle(bytes: Uint8Array): boolean {
  const stop = Math.max(0, bytes.length - ZIP_END_SEARCH_BYTES);
  for (let i = bytes.length - ZIP_END_SIGNATURE.length; i >= stop; i--) {
    if (ZIP_END_SIGNATURE.every((byte, j) => bytes[i + j] === byte)) return true;
  }
  return false;
}

/**
 * Downloads a MediaPipe `.task` bundle, reporting progress, and checks that it is one.
 * Rejects with a {@link ModelLoadError} whose message tells the user what to do.
 * @param what names the model in errors, e.g. `face`.
 */
export async function fetchModel(url: string, what: string, onProgress: ModelProgress): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ModelLoadError(url, `the request failed (${error instanceof Error ? error.message : String(error)})`, what);
  }
  if (!response.ok) throw new ModelLoadError(url, `the server answered HTTP ${response.status} ${response.statusText}`.trim(), what);
  const total = Number(response.headers.get('content-length')) || 0;
  let bytes: Uint8Array;
  if (!response.body) {
    bytes = new Uint8Array(await response.arrayBuffer());
  } else {
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    onProgress(total ? 0 : Number.NaN, 0, total);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress(total ? Math.min(1, loaded / total) : Number.NaN, loaded, total);
    }
    bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  if (!looksLikeTaskBundle(bytes)) {
    throw new ModelLoadError(url, `the ${bytes.byteLength}-byte answer is not a MediaPipe .task bundle`, what);
  }
  onProgress(1, bytes.byteLength, bytes.byteLength);
  return bytes;
}
