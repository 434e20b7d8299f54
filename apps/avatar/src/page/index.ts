export * from './DebugOverlay';
export * from './RigcastState';
export * from './StatusBanner';
export * from './watchObsVisibility';
