import type { DelegatePreference } from '../settings/TrackerSettings';
import { DetectorThread, type Detection, type Detector, type DetectorInfo } from './Detector';
import type { WorkerReply, WorkerRequest } from './DetectorMessages';
import type { PackedInfo, PackedLayout } from './PackedLayout';

/**
 * The widest picture a worker gets; a wider video is scaled down to it on the way. The models see
 * 192–256 px crops, so a 1280-px frame only costs each of the three workers four times the bytes to
 * copy and resize; landmarks are fractions of the picture (or metres) either way.
 */
export const INFERENCE_MAX_WIDTH = 640;

/** How long the worker may take to load the wasm and the model before the page gives up on it. */
const WORKER_INIT_TIMEOUT_MS = 60_000;

/**
 * Runs a MediaPipe task in a module Web Worker (one that calls {@link serveDetectorWorker}).
 * Each frame goes over as a transferred `ImageBitmap`, and the result comes back in transferred
 * typed arrays that ping-pong between the two threads.
 */
export class WorkerDetector<Arrays, Info extends PackedInfo, Extra> implements Detector<Arrays, Info, Extra> {
  readonly info: DetectorInfo<Extra>;
  private readonly detection: Detection<Arrays, Info>;
  private pending?: { resolve: (detection: Detection<Arrays, Info>) => void; reject: (error: Error) => void };

  private constructor(
    private readonly worker: Worker,
    private readonly layout: PackedLayout<unknown, Arrays, Info>,
    private readonly what: string,
    info: DetectorInfo<Extra>,
  ) {
    this.info = info;
    this.detection = { arrays: layout.createArrays(), info: layout.createInfo() };
    worker.onmessage = (event: MessageEvent<WorkerReply<Arrays, Info, Extra>>) => this.onReply(event.data);
    worker.onerror = (event) => this.fail(new Error(`the inference worker crashed: ${event.message || 'unknown error'}`));
  }

  /**
   * Starts the worker and loads the model in it. Rejects when the browser cannot run the worker
   * or the model fails in it; the caller then falls back to the page's thread.
   * @param startWorker makes the worker (`new Worker(new URL('./xWorker.ts', import.meta.url), …)`,
   *   written where the worker file is, so that the bundler finds it).
   * @param what names the task in errors, e.g. `face`.
   */
  static async create<Arrays, Info extends PackedInfo, Extra>(
    startWorker: () => Worker,
    layout: PackedLayout<unknown, Arrays, Info>,
    what: string,
    wasmBaseUrl: string,
    model: Uint8Array,
    delegate: DelegatePreference,
  ): Promise<WorkerDetector<Arrays, Info, Extra>> {
    const worker = startWorker();
    try {
      const ready = await new Promise<WorkerReply<Arrays, Info, Extra>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the worker did not load the model within ${WORKER_INIT_TIMEOUT_MS / 1000} s`)), WORKER_INIT_TIMEOUT_MS);
        worker.onmessage = (event: MessageEvent<WorkerReply<Arrays, Info, Extra>>) => {
          clearTimeout(timer);
          resolve(event.data);
        };
        worker.onerror = (event) => {
          clearTimeout(timer);
          event.preventDefault();
          reject(new Error(`the worker failed to start: ${event.message || 'module workers may be unsupported'}`));
        };
        const copy = model.slice().buffer as ArrayBuffer;
        const request: WorkerRequest<Arrays> = { type: 'init', wasmBaseUrl, model: copy, delegate };
        worker.postMessage(request, [copy]);
      });
      if (ready.type !== 'ready') throw new Error(ready.type === 'error' ? ready.message : 'the worker answered out of turn');
      return new WorkerDetector<Arrays, Info, Extra>(worker, layout, what, {
        delegate: ready.delegate,
        thread: DetectorThread.Worker,
        gpuError: ready.gpuError,
        extra: ready.extra,
      });
    } catch (error) {
      worker.terminate();
      throw error;
    }
  }

  async detect(video: HTMLVideoElement, timestampMs: number, maxResults?: number): Promise<Detection<Arrays, Info>> {
    if (this.pending) throw new Error('detect() called while a frame is still in flight');
    const { videoWidth: width, videoHeight: height } = video;
    const bitmap =
      width > INFERENCE_MAX_WIDTH
        ? await createImageBitmap(video, { resizeWidth: INFERENCE_MAX_WIDTH, resizeHeight: Math.round((height * INFERENCE_MAX_WIDTH) / width), resizeQuality: 'medium' })
        : await createImageBitmap(video);
    return new Promise<Detection<Arrays, Info>>((resolve, reject) => {
      this.pending = { resolve, reject };
      const { arrays } = this.detection;
      const request: WorkerRequest<Arrays> = { type: 'detect', bitmap, timestampMs, arrays, maxResults };
      this.worker.postMessage(request, [bitmap, ...this.layout.transferList(arrays)]);
    });
  }

  close(): void {
    this.worker.terminate();
    this.fail(new Error('the detector was closed'));
  }

  private onReply(reply: WorkerReply<Arrays, Info, Extra>): void {
    const pending = this.pending;
    this.pending = undefined;
    if (reply.type === 'result') {
      this.detection.arrays = reply.arrays;
      this.layout.copyInfo(reply.info, this.detection.info);
      pending?.resolve(this.detection);
    } else if (reply.type === 'error') {
      if (reply.arrays) this.detection.arrays = reply.arrays;
      pending?.reject(new Error(`${this.what} detection failed: ${reply.message}`));
    }
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}
