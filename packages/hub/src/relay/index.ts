export * from './encodeWebSocketFrame';
export * from './FrameRelay';
export * from './HubSocket';
export * from './isViewerBackedUp';
export * from './RoomState';
export * from './TokenBucket';
