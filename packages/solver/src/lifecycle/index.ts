export {
  DEFAULT_HOLD_CONFIDENCE,
  PartLifecycle,
  type PartLifecycleOptions,
  type PartLifecycleTiming,
  type PartStateBlend,
} from './PartLifecycle';
export { TrackingState } from './TrackingState';
export { VisibilityGate, type VisibilityGateOptions } from './VisibilityGate';
