export { installPageHandle, readAvatarState, readDebugFigures, type AvatarPageHandle, type AvatarPageParts } from './AvatarPage';
export type { AvatarPageState } from './AvatarPageState';
export { DEBUG_REFRESH_MS, DebugOverlay, type DebugFigures } from './DebugOverlay';
export { DemoButton } from './DemoButton';
export { RenderLoop } from './RenderLoop';
export { StatusBanner } from './StatusBanner';
export { watchFileDrops } from './watchFileDrops';
export { watchObsVisibility, type ObsSourceState } from './watchObsVisibility';
