export { cameraPointFromMediaPipe, type LandmarkLike } from './cameraPointFromMediaPipe';
export { Mirror } from './Mirror';
