export { TrackerSession, type TrackerSessionEvents } from './TrackerSession';
