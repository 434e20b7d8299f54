import { PoseLandmarker } from '@mediapipe/tasks-vision';
import { createWithDelegate } from '../detect/createWithDelegate';
import type { DelegateName } from '../detect/DelegateName';
import { flattenConnections } from '../detect/flattenConnections';
import type { CreateTask } from '../detect/RunningTask';
import type { PoseLandmarkerOutput } from './packPoseResult';

/**
 * Creates PoseLandmarker in VIDEO mode for one person, on the GPU delegate with a CPU fallback.
 * Hands the page MediaPipe's skeleton (landmark index pairs) for the overlay.
 */
export const createPoseTask: CreateTask<PoseLandmarkerOutput, number[]> = async (fileset, model, preference) => {
  const create = (delegate: DelegateName) =>
    PoseLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: model.slice(), delegate },
      runningMode: 'VIDEO',
      numPoses: 1,
    });
  const { value: landmarker, delegate, gpuError } = await createWithDelegate(preference, create);
  return {
    delegate,
    gpuError,
    extra: flattenConnections(PoseLandmarker.POSE_CONNECTIONS),
    run: (image, timestampMs) => landmarker.detectForVideo(image, timestampMs),
    close: () => landmarker.close(),
  };
};
