import type { FilesetResolver } from '@mediapipe/tasks-vision';

/** Where MediaPipe's wasm loader and binary are (the type `FilesetResolver` returns). */
export type WasmFileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

/**
 * The wasm files of `@mediapipe/tasks-vision`, copied next to the page at build time.
 * A module worker needs the ES-module build (it cannot `importScripts`); the page uses the classic one.
 */
export function wasmFileset(wasmBaseUrl: string, moduleBuild: boolean): WasmFileset {
  const base = wasmBaseUrl.endsWith('/') ? wasmBaseUrl : `${wasmBaseUrl}/`;
  const name = moduleBuild ? 'vision_wasm_module_internal' : 'vision_wasm_internal';
  return { wasmLoaderPath: `${base}${name}.js`, wasmBinaryPath: `${base}${name}.wasm` };
}
