import { InferenceThread } from '../settings/TrackerSettings';

/**
 * A ready detector: in a Web Worker when the browser allows (and `thread` is not `main`), else on
 * the page's thread. With `worker`, a worker failure is an error instead of a fallback.
 * @param inWorker creates the detector in a worker.
 * @param onMainThread creates it on the page's thread; gets why the worker was not used, if it was tried.
 */
export async function createDetector<D>(
  thread: InferenceThread,
  inWorker: () => Promise<D>,
  onMainThread: (workerError?: string) => Promise<D>,
): Promise<D> {
  let workerError: string | undefined;
  if (thread !== InferenceThread.Main && typeof Worker === 'function' && typeof createImageBitmap === 'function') {
    try {
      return await inWorker();
    } catch (error) {
      workerError = error instanceof Error ? error.message : String(error);
      if (thread === InferenceThread.Worker) throw error;
      console.warn(`rigcast: running inference on the page's thread because ${workerError}`);
    }
  }
  return onMainThread(workerError);
}
