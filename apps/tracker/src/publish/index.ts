export { FramePublisher } from './FramePublisher';
