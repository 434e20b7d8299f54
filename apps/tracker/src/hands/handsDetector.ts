import type { Detector } from '../detect/Detector';
import type { TaskDetectorSpec } from '../detect/TaskDetectorSpec';
import { HANDS_LAYOUT, type HandLandmarkerOutput, type PackedHandsArrays, type PackedHandsInfo } from './packHandsResult';

/** HandLandmarker, in a worker or on the page's thread; it hands over its skeleton's index pairs. */
export type HandsDetector = Detector<PackedHandsArrays, PackedHandsInfo, number[]>;

/** HandLandmarker as a detector: its packing, its worker, and its code for the page's thread. */
export const HANDS_DETECTOR: TaskDetectorSpec<HandLandmarkerOutput, PackedHandsArrays, PackedHandsInfo, number[]> = {
  what: 'hands',
  layout: HANDS_LAYOUT,
  startWorker: () => new Worker(new URL('./handsWorker.ts', import.meta.url), { type: 'module', name: 'rigcast-hands' }),
  loadTask: async () => (await import('./createHandsTask')).createHandsTask,
};
