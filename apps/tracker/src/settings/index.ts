export * from './TrackerSettings';
