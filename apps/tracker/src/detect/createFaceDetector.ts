import { InferenceThread, type DelegatePreference } from '../settings/TrackerSettings';
import type { FaceDetector } from './FaceDetector';
import { MainThreadFaceDetector } from './MainThreadFaceDetector';
import { WorkerFaceDetector } from './WorkerFaceDetector';

/**
 * A ready face detector: in a Web Worker when the browser allows (and `thread` is not `main`),
 * else on the page's thread.
 */
export async function createFaceDetector(
  wasmBaseUrl: string,
  model: Uint8Array,
  delegate: DelegatePreference,
  thread: InferenceThread,
): Promise<FaceDetector> {
  let workerError: string | undefined;
  if (thread !== InferenceThread.Main && typeof Worker === 'function' && typeof createImageBitmap === 'function') {
    try {
      return await WorkerFaceDetector.create(wasmBaseUrl, model, delegate);
    } catch (error) {
      workerError = error instanceof Error ? error.message : String(error);
      if (thread === InferenceThread.Worker) throw error;
      console.warn(`rigcast: running inference on the page's thread because ${workerError}`);
    }
  }
  return MainThreadFaceDetector.create(wasmBaseUrl, model, delegate, workerError);
}
