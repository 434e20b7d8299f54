// The inference worker: owns a FaceLandmarker and answers one `detect` request at a time.
import type { FaceLandmarker } from '@mediapipe/tasks-vision';
import { createFaceLandmarker } from './createFaceLandmarker';
import { packedTransferList, type WorkerReply, type WorkerRequest } from './DetectorMessages';
import { readFaceConnections } from './faceConnections';
import { packFaceResult, type PackedFaceInfo } from './packFaceResult';
import { wasmFileset } from './wasmFileset';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let landmarker: FaceLandmarker | undefined;
const info: PackedFaceInfo = { hasFace: false, hasBlendshapes: false, hasMatrix: false, inferenceMs: 0 };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.type === 'init') {
    try {
      const created = await createFaceLandmarker(
        wasmFileset(request.wasmBaseUrl, true),
        new Uint8Array(request.model),
        request.delegate,
      );
      landmarker = created.landmarker;
      scope.postMessage({ type: 'ready', delegate: created.delegate, gpuError: created.gpuError, connections: readFaceConnections() });
    } catch (error) {
      scope.postMessage({ type: 'error', message: message(error) });
    }
    return;
  }
  const { bitmap, timestampMs, arrays } = request;
  try {
    if (!landmarker) throw new Error('the face model is not loaded yet');
    const start = performance.now();
    const result = landmarker.detectForVideo(bitmap, timestampMs);
    info.inferenceMs = performance.now() - start;
    packFaceResult(result, arrays, info);
    scope.postMessage({ type: 'result', arrays, info }, packedTransferList(arrays));
  } catch (error) {
    scope.postMessage({ type: 'error', message: message(error), arrays }, packedTransferList(arrays));
  } finally {
    bitmap.close();
  }
};
