import type { DelegatePreference } from '../settings/TrackerSettings';
import { DetectorThread, type Detection, type Detector, type DetectorInfo } from './Detector';
import type { PackedInfo, PackedLayout } from './PackedLayout';
import type { CreateTask, RunningTask } from './RunningTask';
import { wasmFileset } from './wasmFileset';

/** Runs a MediaPipe task on the page's own thread: the fallback when a worker cannot be used. */
export class MainThreadDetector<Result, Arrays, Info extends PackedInfo, Extra> implements Detector<Arrays, Info, Extra> {
  readonly info: DetectorInfo<Extra>;
  private readonly detection: Detection<Arrays, Info>;

  private constructor(
    private readonly task: RunningTask<Result, Extra>,
    private readonly layout: PackedLayout<Result, Arrays, Info>,
    info: DetectorInfo<Extra>,
  ) {
    this.info = info;
    this.detection = { arrays: layout.createArrays(), info: layout.createInfo() };
  }

  /**
   * Loads the wasm and the model on the page's thread.
   * @param loadCreateTask imports the task's code on demand, so that the page stays small when the
   *   worker does the work.
   */
  static async create<Result, Arrays, Info extends PackedInfo, Extra>(
    loadCreateTask: () => Promise<CreateTask<Result, Extra>>,
    layout: PackedLayout<Result, Arrays, Info>,
    wasmBaseUrl: string,
    model: Uint8Array,
    delegate: DelegatePreference,
    workerError?: string,
  ): Promise<MainThreadDetector<Result, Arrays, Info, Extra>> {
    const createTask = await loadCreateTask();
    const task = await createTask(wasmFileset(wasmBaseUrl, false), model, delegate);
    return new MainThreadDetector(task, layout, {
      delegate: task.delegate,
      thread: DetectorThread.Main,
      gpuError: task.gpuError,
      workerError,
      extra: task.extra,
    });
  }

  async detect(video: HTMLVideoElement, timestampMs: number, maxResults?: number): Promise<Detection<Arrays, Info>> {
    const start = performance.now();
    const result = await this.task.run(video, timestampMs, maxResults);
    this.detection.info.inferenceMs = performance.now() - start;
    this.layout.pack(result, this.detection.arrays, this.detection.info);
    return this.detection;
  }

  close(): void {
    this.task.close();
  }
}
