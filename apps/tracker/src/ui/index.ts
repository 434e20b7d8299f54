export { downloadFile } from './downloadFile';
export { Hud } from './Hud';
export { LandmarkOverlay, type OverlayPoint } from './LandmarkOverlay';
export { readTrackerState, type TrackerStateSources } from './readTrackerState';
export { TrackerControls, type TrackerControlElements, type TrackerControlEvents } from './TrackerControls';
export { TrackerStatus, type SourceState, type TrackerHook, type TrackerState } from './TrackerState';
