import { createDetector } from '../detect/createDetector';
import type { Detector } from '../detect/Detector';
import { MainThreadDetector } from '../detect/MainThreadDetector';
import { WorkerDetector } from '../detect/WorkerDetector';
import type { DelegatePreference, InferenceThread } from '../settings/TrackerSettings';
import type { FaceConnections } from './faceConnections';
import { FACE_LAYOUT, type PackedFaceArrays, type PackedFaceInfo } from './packFaceResult';

/** FaceLandmarker, in a worker or on the page's thread; it hands over its landmark connections. */
export type FaceDetector = Detector<PackedFaceArrays, PackedFaceInfo, FaceConnections>;

/**
 * A ready face detector: in a Web Worker when the browser allows (and `thread` is not `main`),
 * else on the page's thread.
 */
export function createFaceDetector(
  wasmBaseUrl: string,
  model: Uint8Array,
  delegate: DelegatePreference,
  thread: InferenceThread,
): Promise<FaceDetector> {
  return createDetector<FaceDetector>(
    thread,
    () =>
      WorkerDetector.create<PackedFaceArrays, PackedFaceInfo, FaceConnections>(
        () => new Worker(new URL('./faceWorker.ts', import.meta.url), { type: 'module', name: 'rigcast-face' }),
        FACE_LAYOUT,
        'face',
        wasmBaseUrl,
        model,
        delegate,
      ),
    (workerError) =>
      MainThreadDetector.create(
        async () => (await import('./createFaceTask')).createFaceTask,
        FACE_LAYOUT,
        wasmBaseUrl,
        model,
        delegate,
        workerError,
      ),
  );
}
