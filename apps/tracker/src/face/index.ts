export { createFaceDetector, type FaceDetector } from './createFaceDetector';
export type { FaceConnections } from './faceConnections';
export { FaceResultView } from './FaceResultView';
export { FaceSource, type FaceSourceOptions } from './FaceSource';
