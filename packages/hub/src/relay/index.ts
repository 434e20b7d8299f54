export * from './FrameRelay';
export * from './HubSocket';
export * from './RoomState';
export * from './TokenBucket';
