import type { DelegatePreference } from '../settings/TrackerSettings';
import { packedTransferList, type WorkerReply, type WorkerRequest } from './DetectorMessages';
import { DetectorThread, type FaceDetection, type FaceDetector, type FaceDetectorInfo } from './FaceDetector';
import { createPackedFaceArrays, type PackedFaceInfo } from './packFaceResult';

/** How long the worker may take to load the wasm and the model before the page gives up on it. */
const WORKER_INIT_TIMEOUT_MS = 60_000;

/**
 * Runs FaceLandmarker in a module Web Worker. Each frame goes over as a transferred `ImageBitmap`
 * and the result comes back in transferred typed arrays that ping-pong between the two threads.
 */
export class WorkerFaceDetector implements FaceDetector {
  readonly info: FaceDetectorInfo;
  private readonly worker: Worker;
  private readonly detection: FaceDetection;
  private pending?: { resolve: (detection: FaceDetection) => void; reject: (error: Error) => void };

  private constructor(worker: Worker, info: FaceDetectorInfo) {
    this.worker = worker;
    this.info = info;
    this.detection = { arrays: createPackedFaceArrays(), info: { hasFace: false, hasBlendshapes: false, hasMatrix: false, inferenceMs: 0 } };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.onReply(event.data);
    worker.onerror = (event) => this.fail(new Error(`the inference worker crashed: ${event.message || 'unknown error'}`));
  }

  /**
   * Starts the worker and loads the model in it. Rejects when the browser cannot run the worker
   * or the model fails in it; the caller then falls back to the page's thread.
   */
  static async create(wasmBaseUrl: string, model: Uint8Array, delegate: DelegatePreference): Promise<WorkerFaceDetector> {
    const worker = new Worker(new URL('./faceWorker.ts', import.meta.url), { type: 'module', name: 'rigcast-face' });
    try {
      const ready = await new Promise<WorkerReply>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the worker did not load the model within ${WORKER_INIT_TIMEOUT_MS / 1000} s`)), WORKER_INIT_TIMEOUT_MS);
        worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          clearTimeout(timer);
          resolve(event.data);
        };
        worker.onerror = (event) => {
          clearTimeout(timer);
          event.preventDefault();
          reject(new Error(`the worker failed to start: ${event.message || 'module workers may be unsupported'}`));
        };
        const copy = model.slice().buffer as ArrayBuffer;
        const request: WorkerRequest = { type: 'init', wasmBaseUrl, model: copy, delegate };
        worker.postMessage(request, [copy]);
      });
      if (ready.type !== 'ready') throw new Error(ready.type === 'error' ? ready.message : 'the worker answered out of turn');
      return new WorkerFaceDetector(worker, {
        delegate: ready.delegate,
        thread: DetectorThread.Worker,
        gpuError: ready.gpuError,
        connections: ready.connections,
      });
    } catch (error) {
      worker.terminate();
      throw error;
    }
  }

  async detect(video: HTMLVideoElement, timestampMs: number): Promise<FaceDetection> {
    if (this.pending) throw new Error('detect() called while a frame is still in flight');
    const bitmap = await createImageBitmap(video);
    return new Promise<FaceDetection>((resolve, reject) => {
      this.pending = { resolve, reject };
      const { arrays } = this.detection;
      const request: WorkerRequest = { type: 'detect', bitmap, timestampMs, arrays };
      this.worker.postMessage(request, [bitmap, ...packedTransferList(arrays)]);
    });
  }

  close(): void {
    this.worker.terminate();
    this.fail(new Error('the detector was closed'));
  }

  private onReply(reply: WorkerReply): void {
    const pending = this.pending;
    this.pending = undefined;
    if (reply.type === 'result') {
      this.detection.arrays = reply.arrays;
      copyInfo(reply.info, this.detection.info);
      pending?.resolve(this.detection);
    } else if (reply.type === 'error') {
      if (reply.arrays) this.detection.arrays = reply.arrays;
      pending?.reject(new Error(`face detection failed: ${reply.message}`));
    }
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

function copyInfo(from: PackedFaceInfo, to: PackedFaceInfo): void {
  to.hasFace = from.hasFace;
  to.hasBlendshapes = from.hasBlendshapes;
  to.hasMatrix = from.hasMatrix;
  to.inferenceMs = from.inferenceMs;
}
