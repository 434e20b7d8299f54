import { HandLandmarker } from '@mediapipe/tasks-vision';
import { createWithDelegate } from '../detect/createWithDelegate';
import type { DelegateName } from '../detect/DelegateName';
import { flattenConnections } from '../detect/flattenConnections';
import type { CreateTask } from '../detect/RunningTask';
import { MAX_HANDS, type HandLandmarkerOutput } from './packHandsResult';

/**
 * Creates HandLandmarker in VIDEO mode for up to two hands, on the GPU delegate with a CPU
 * fallback. Hands the page MediaPipe's hand skeleton (landmark index pairs) for the overlay.
 * `run`'s `maxResults` sets `numHands` (1 or 2): while it tracks fewer hands than that, the
 * landmarker runs its palm detector on every frame to look for another, so one hand in view is
 * cheaper with `numHands` 1. A change rebuilds MediaPipe's graph (it then detects afresh).
 */
export const createHandsTask: CreateTask<HandLandmarkerOutput, number[]> = async (fileset, model, preference) => {
  const create = (delegate: DelegateName) =>
    HandLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: model.slice(), delegate },
      runningMode: 'VIDEO',
      numHands: MAX_HANDS,
    });
  const { value: landmarker, delegate, gpuError } = await createWithDelegate(preference, create);
  let numHands = MAX_HANDS;
  const detect = (image: ImageBitmap | HTMLVideoElement, timestampMs: number) => landmarker.detectForVideo(image, timestampMs);
  return {
    delegate,
    gpuError,
    extra: flattenConnections(HandLandmarker.HAND_CONNECTIONS),
    run: (image, timestampMs, maxResults) => {
      const wanted = maxResults === undefined ? numHands : Math.min(MAX_HANDS, Math.max(1, Math.round(maxResults)));
      if (wanted === numHands) return detect(image, timestampMs);
      numHands = wanted;
      return landmarker.setOptions({ numHands }).then(() => detect(image, timestampMs));
    },
    close: () => landmarker.close(),
  };
};
