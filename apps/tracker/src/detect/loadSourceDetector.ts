import type { SourceStats } from '../pipeline/SourceStats';
import { SourceStatus } from '../pipeline/SourceStatus';
import type { Detector } from './Detector';
import { fetchModel } from './fetchModel';
import type { PackedInfo } from './PackedLayout';
import { createTaskDetector, type DetectorPlacement, type TaskDetectorSpec } from './TaskDetectorSpec';

/**
 * A source's load: downloads its model (progress in `stats.modelProgress`), starts its detector,
 * and keeps `stats` current (loading, then ready with the delegate and thread, or failed with the
 * error for the user). Rejects with an error whose message tells the user what to do.
 */
export async function loadSourceDetector<Result, Arrays, Info extends PackedInfo, Extra>(
  spec: TaskDetectorSpec<Result, Arrays, Info, Extra>,
  modelUrl: string,
  placement: DetectorPlacement,
  stats: SourceStats,
): Promise<Detector<Arrays, Info, Extra>> {
  stats.status = SourceStatus.Loading;
  stats.error = '';
  try {
    const model = await fetchModel(modelUrl, spec.what, (fraction) => {
      stats.modelProgress = fraction;
    });
    const detector = await createTaskDetector(spec, model, placement);
    stats.delegate = detector.info.delegate;
    stats.thread = detector.info.thread;
    stats.delegateNote = detector.info.gpuError ?? '';
    if (detector.info.gpuError) console.warn(`rigcast: ${spec.what} uses the CPU delegate: ${detector.info.gpuError}`);
    stats.status = SourceStatus.Ready;
    return detector;
  } catch (error) {
    stats.status = SourceStatus.Failed;
    stats.error = error instanceof Error ? error.message : String(error);
    throw error;
  }
}
