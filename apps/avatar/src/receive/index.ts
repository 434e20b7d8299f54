export { FrameReceiver, type FrameHandler } from './FrameReceiver';
