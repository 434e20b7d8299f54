import { HandLandmarker } from '@mediapipe/tasks-vision';
import { createWithDelegate } from '../detect/createWithDelegate';
import type { DelegateName } from '../detect/DelegateName';
import { flattenConnections } from '../detect/flattenConnections';
import type { CreateTask } from '../detect/RunningTask';
import { MAX_HANDS, type HandLandmarkerOutput } from './packHandsResult';

/**
 * Creates HandLandmarker in VIDEO mode for up to two hands, on the GPU delegate with a CPU
 * fallback. Hands the page MediaPipe's hand skeleton (landmark index pairs) for the overlay.
 */
export const createHandsTask: CreateTask<HandLandmarkerOutput, number[]> = async (fileset, model, preference) => {
  const create = (delegate: DelegateName) =>
    HandLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: model.slice(), delegate },
      runningMode: 'VIDEO',
      numHands: MAX_HANDS,
    });
  const { value: landmarker, delegate, gpuError } = await createWithDelegate(preference, create);
  return {
    delegate,
    gpuError,
    extra: flattenConnections(HandLandmarker.HAND_CONNECTIONS),
    run: (image, timestampMs) => landmarker.detectForVideo(image, timestampMs),
    close: () => landmarker.close(),
  };
};
