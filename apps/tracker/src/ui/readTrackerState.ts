import type { HubClient } from '@rigcast/client';
import type { VideoInput } from '../input/VideoInput';
import type { TrackerPipeline } from '../pipeline/TrackerPipeline';
import type { FramePublisher } from '../publish/FramePublisher';
import type { FrameRecorder } from '../record/FrameRecorder';
import type { TrackerSource } from '../pipeline/TrackerSource';
import type { TrackerSession } from '../session/TrackerSession';
import { handsEnabled, type TrackerSettings } from '../settings/TrackerSettings';
import type { SourceState, TrackerState } from './TrackerState';

/** The objects the tracker page's state is read from. */
export interface TrackerStateSources {
  session: TrackerSession;
  pipeline: TrackerPipeline;
  publisher: HubClient;
  framePublisher: FramePublisher;
  input: VideoInput;
  recorder: FrameRecorder;
  settings: Pick<TrackerSettings, 'body' | 'hands'>;
  /** Settings that were ignored, and other notes for the user; empty when none. */
  notice(): string;
}

function sourceState(source: TrackerSource): SourceState {
  const { stats } = source;
  return {
    status: stats.status,
    enabled: source.enabled,
    modelProgress: stats.modelProgress,
    inferenceMs: stats.inferenceMs.value,
    solveMs: stats.solveMs.value,
    detections: stats.detections,
    tracking: source.enabled ? stats.tracking : 'off',
    delegate: stats.delegate,
    thread: stats.thread,
    error: stats.error,
  };
}

/** The least advanced download among the enabled sources; NaN while one has no known size. */
function modelProgress(sources: readonly TrackerSource[]): number {
  let least = 1;
  for (const source of sources) {
    if (!source.enabled) continue;
    const progress = source.stats.modelProgress;
    if (Number.isNaN(progress)) return Number.NaN;
    least = Math.min(least, progress);
  }
  return least;
}

/** What the page's notes say, then each optional source that failed, and that tracking goes on without it. */
function notices(note: string, sources: readonly TrackerSource[]): string {
  const lines = note ? [note] : [];
  for (const source of sources) {
    if (!source.required && source.enabled && source.stats.error) lines.push(`${source.stats.error} Tracking goes on without the ${source.name}.`);
  }
  return lines.join(' ');
}

/** A snapshot of the tracker page. */
export function readTrackerState({ session, pipeline, publisher, framePublisher, input, recorder, settings, notice }: TrackerStateSources): TrackerState {
  const sources = pipeline.sources;
  const first = sources[0]?.stats;
  const now = performance.now();
  return {
    status: session.status,
    fps: pipeline.isRunning ? pipeline.fps.rate(now) : 0,
    framesSent: publisher.framesSent,
    inferenceMs: pipeline.detectMs.value,
    solveMs: pipeline.solveMs.value,
    queueMs: pipeline.queueMs.value,
    sendMs: framePublisher.sendMs.value,
    rttMs: publisher.rttMs,
    delegate: first?.delegate ?? '',
    delegateNote: first?.delegateNote ?? '',
    thread: first?.thread ?? '',
    modelProgress: modelProgress(sources),
    error: session.error,
    connection: publisher.state,
    hubError: publisher.detail,
    viewers: publisher.viewers,
    rejected: publisher.rejectedCount,
    lastRejected: publisher.lastRejected,
    tracking: first?.tracking ?? '',
    body: settings.body,
    hands: handsEnabled(settings),
    input: input.kind,
    notice: notices(notice(), sources),
    sources: Object.fromEntries(sources.map((source) => [source.name, sourceState(source)])),
    recording: { active: recorder.recording, frames: recorder.frames, bytes: recorder.bytes, elapsedMs: recorder.elapsedMs },
  };
}
