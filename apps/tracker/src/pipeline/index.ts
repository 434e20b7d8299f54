export { SourceStats } from './SourceStats';
export { SourceStatus } from './SourceStatus';
export { TrackerPipeline, type TrackedVideo, type TrackerPipelineEvents } from './TrackerPipeline';
export type { TrackerSource } from './TrackerSource';
export { VideoFrameClock } from './VideoFrameClock';
