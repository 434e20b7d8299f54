import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { DelegatePreference } from '../settings/TrackerSettings';
import { DelegateName } from './DelegateName';
import { probeWebGL } from './probeWebGL';
import type { WasmFileset } from './wasmFileset';

/** A ready FaceLandmarker and what it runs on. */
export interface CreatedFaceLandmarker {
  landmarker: FaceLandmarker;
  delegate: DelegateName;
  /** Why the GPU was not used, when it was wanted and failed. */
  gpuError?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates a FaceLandmarker in VIDEO mode with blendshapes and the transformation matrix.
 * With `auto`, tries the GPU delegate and falls back to the CPU; it goes straight to the CPU when
 * WebGL 2 is missing or is a software renderer, where the GPU delegate is only slower.
 */
export async function createFaceLandmarker(
  fileset: WasmFileset,
  model: Uint8Array,
  preference: DelegatePreference,
): Promise<CreatedFaceLandmarker> {
  const create = (delegate: DelegateName) =>
    FaceLandmarker.createFromOptions(fileset, {
      // MediaPipe may keep the buffer; give it a copy so that a retry still has the bytes.
      baseOptions: { modelAssetBuffer: model.slice(), delegate },
      runningMode: 'VIDEO',
      numFaces: 1,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    });
  let gpuError: string | undefined;
  if (preference === DelegatePreference.Auto) {
    const gl = probeWebGL();
    if (!gl.webgl2) gpuError = 'no WebGL 2 here';
    else if (gl.software) gpuError = `WebGL is a software renderer (${gl.renderer}), slower than the CPU delegate`;
  }
  if (preference === DelegatePreference.GPU || (preference === DelegatePreference.Auto && !gpuError)) {
    try {
      return { landmarker: await create(DelegateName.GPU), delegate: DelegateName.GPU };
    } catch (error) {
      gpuError = describe(error);
      if (preference === DelegatePreference.GPU) throw error;
    }
  }
  return { landmarker: await create(DelegateName.CPU), delegate: DelegateName.CPU, gpuError };
}
