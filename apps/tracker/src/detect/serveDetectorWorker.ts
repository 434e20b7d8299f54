import type { WorkerReply, WorkerRequest } from './DetectorMessages';
import type { PackedInfo, PackedLayout } from './PackedLayout';
import type { CreateTask, RunningTask } from './RunningTask';
import { wasmFileset } from './wasmFileset';

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The body of an inference worker (called from the task's worker file): owns one task and answers
 * one `detect` request at a time, packing each result into the arrays the request brought.
 * @param what names the task in errors, e.g. `face`.
 */
export function serveDetectorWorker<Result, Arrays, Info extends PackedInfo, Extra>(
  createTask: CreateTask<Result, Extra>,
  layout: PackedLayout<Result, Arrays, Info>,
  what: string,
): void {
  const scope = self as unknown as WorkerScope;
  const reply = (answer: WorkerReply<Arrays, Info, Extra>, transfer?: Transferable[]) => scope.postMessage(answer, transfer);
  const info = layout.createInfo();
  let task: RunningTask<Result, Extra> | undefined;

  scope.onmessage = async (event: MessageEvent<WorkerRequest<Arrays>>) => {
    const request = event.data;
    if (request.type === 'init') {
      try {
        task = await createTask(wasmFileset(request.wasmBaseUrl, true), new Uint8Array(request.model), request.delegate);
        reply({ type: 'ready', delegate: task.delegate, gpuError: task.gpuError, extra: task.extra });
      } catch (error) {
        reply({ type: 'error', message: message(error) });
      }
      return;
    }
    const { bitmap, timestampMs, arrays, maxResults } = request;
    try {
      if (!task) throw new Error(`the ${what} model is not loaded yet`);
      const start = performance.now();
      const result = await task.run(bitmap, timestampMs, maxResults);
      info.inferenceMs = performance.now() - start;
      layout.pack(result, arrays, info);
      reply({ type: 'result', arrays, info }, layout.transferList(arrays));
    } catch (error) {
      reply({ type: 'error', message: message(error), arrays }, layout.transferList(arrays));
    } finally {
      bitmap.close();
    }
  };
}
