import type { Detector } from '../detect/Detector';
import type { TaskDetectorSpec } from '../detect/TaskDetectorSpec';
import type { FaceConnections } from './faceConnections';
import { FACE_LAYOUT, type FaceLandmarkerOutput, type PackedFaceArrays, type PackedFaceInfo } from './packFaceResult';

/** FaceLandmarker, in a worker or on the page's thread; it hands over its landmark connections. */
export type FaceDetector = Detector<PackedFaceArrays, PackedFaceInfo, FaceConnections>;

/** FaceLandmarker as a detector: its packing, its worker, and its code for the page's thread. */
export const FACE_DETECTOR: TaskDetectorSpec<FaceLandmarkerOutput, PackedFaceArrays, PackedFaceInfo, FaceConnections> = {
  what: 'face',
  layout: FACE_LAYOUT,
  startWorker: () => new Worker(new URL('./faceWorker.ts', import.meta.url), { type: 'module', name: 'rigcast-face' }),
  loadTask: async () => (await import('./createFaceTask')).createFaceTask,
};
