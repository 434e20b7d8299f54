import type { DelegatePreference, InferenceThread } from '../settings/TrackerSettings';
import { createDetector } from './createDetector';
import type { Detector } from './Detector';
import { MainThreadDetector } from './MainThreadDetector';
import type { PackedInfo, PackedLayout } from './PackedLayout';
import type { CreateTask } from './RunningTask';
import { WorkerDetector } from './WorkerDetector';

/**
 * What it takes to run one MediaPipe task as a {@link Detector}: how its results are packed, its
 * worker, and its code for the page's thread (imported only when the worker cannot be used).
 */
export interface TaskDetectorSpec<Result, Arrays, Info extends PackedInfo, Extra> {
  /** Names the task in errors and the worker's name, e.g. `pose`. */
  readonly what: string;
  readonly layout: PackedLayout<Result, Arrays, Info>;
  /** Makes the worker: `new Worker(new URL('./xWorker.ts', import.meta.url), …)`, written where the worker file is, so that the bundler finds it. */
  startWorker(): Worker;
  /** Imports the task's code on demand for the page's thread. */
  loadTask(): Promise<CreateTask<Result, Extra>>;
}

/** Where a detector gets its model and runs it. */
export interface DetectorPlacement {
  /** Where MediaPipe's wasm files are, absolute. */
  wasmBaseUrl: string;
  delegate: DelegatePreference;
  thread: InferenceThread;
}

/**
 * A ready detector for `spec`'s task: in its own Web Worker when the browser allows (and the
 * placement's thread is not `main`), else on the page's thread.
 */
export function createTaskDetector<Result, Arrays, Info extends PackedInfo, Extra>(
  spec: TaskDetectorSpec<Result, Arrays, Info, Extra>,
  model: Uint8Array,
  { wasmBaseUrl, delegate, thread }: DetectorPlacement,
): Promise<Detector<Arrays, Info, Extra>> {
  return createDetector<Detector<Arrays, Info, Extra>>(
    thread,
    () => WorkerDetector.create<Arrays, Info, Extra>(spec.startWorker, spec.layout as PackedLayout<unknown, Arrays, Info>, spec.what, wasmBaseUrl, model, delegate),
    (workerError) => MainThreadDetector.create(spec.loadTask, spec.layout, wasmBaseUrl, model, delegate, workerError),
  );
}
