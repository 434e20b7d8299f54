export { FrameRecorder } from './FrameRecorder';
