export { FACE_DETECTOR, type FaceDetector } from './faceDetector';
export type { FaceConnections } from './faceConnections';
export { FaceResultView } from './FaceResultView';
export { FaceSource, type FaceSourceOptions } from './FaceSource';
