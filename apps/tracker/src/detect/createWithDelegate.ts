import { DelegatePreference } from '../settings/TrackerSettings';
import { DelegateName } from './DelegateName';
import { probeWebGL } from './probeWebGL';

/** Something created on a MediaPipe delegate, and which one. */
export interface OnDelegate<T> {
  value: T;
  delegate: DelegateName;
  /** Why the GPU was not used, when it was wanted and failed. */
  gpuError?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates a MediaPipe task on the delegate `preference` asks for. With `auto`, tries the GPU
 * delegate and falls back to the CPU; it goes straight to the CPU when WebGL 2 is missing or is a
 * software renderer, where the GPU delegate is only slower.
 */
export async function createWithDelegate<T>(preference: DelegatePreference, create: (delegate: DelegateName) => Promise<T>): Promise<OnDelegate<T>> {
  let gpuError: string | undefined;
  if (preference === DelegatePreference.Auto) {
    const gl = probeWebGL();
    if (!gl.webgl2) gpuError = 'no WebGL 2 here';
    else if (gl.software) gpuError = `WebGL is a software renderer (${gl.renderer}), slower than the CPU delegate`;
  }
  if (preference === DelegatePreference.GPU || (preference === DelegatePreference.Auto && !gpuError)) {
    try {
      return { value: await create(DelegateName.GPU), delegate: DelegateName.GPU };
    } catch (error) {
      gpuError = describe(error);
      if (preference === DelegatePreference.GPU) throw error;
    }
  }
  return { value: await create(DelegateName.CPU), delegate: DelegateName.CPU, gpuError };
}
