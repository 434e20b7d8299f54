export * from './Hud';
export * from './LandmarkOverlay';
export * from './TrackerState';
