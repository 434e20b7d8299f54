import type { Detector } from '../detect/Detector';
import type { TaskDetectorSpec } from '../detect/TaskDetectorSpec';
import { POSE_LAYOUT, type PackedPoseArrays, type PackedPoseInfo, type PoseLandmarkerOutput } from './packPoseResult';

/** PoseLandmarker, in a worker or on the page's thread; it hands over its skeleton's index pairs. */
export type PoseDetector = Detector<PackedPoseArrays, PackedPoseInfo, number[]>;

/** PoseLandmarker as a detector: its packing, its worker, and its code for the page's thread. */
export const POSE_DETECTOR: TaskDetectorSpec<PoseLandmarkerOutput, PackedPoseArrays, PackedPoseInfo, number[]> = {
  what: 'pose',
  layout: POSE_LAYOUT,
  startWorker: () => new Worker(new URL('./poseWorker.ts', import.meta.url), { type: 'module', name: 'rigcast-pose' }),
  loadTask: async () => (await import('./createPoseTask')).createPoseTask,
};
