import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { createWithDelegate } from '../detect/createWithDelegate';
import type { DelegateName } from '../detect/DelegateName';
import type { CreateTask } from '../detect/RunningTask';
import { readFaceConnections, type FaceConnections } from './faceConnections';
import type { FaceLandmarkerOutput } from './packFaceResult';

/**
 * Creates FaceLandmarker in VIDEO mode with blendshapes and the transformation matrix, on the GPU
 * delegate with a CPU fallback ({@link createWithDelegate}). Loaded in the worker, and on the page
 * only when inference falls back to the page's thread.
 */
export const createFaceTask: CreateTask<FaceLandmarkerOutput, FaceConnections> = async (fileset, model, preference) => {
  const create = (delegate: DelegateName) =>
    FaceLandmarker.createFromOptions(fileset, {
      // MediaPipe may keep the buffer; give it a copy so that a retry still has the bytes.
      baseOptions: { modelAssetBuffer: model.slice(), delegate },
      runningMode: 'VIDEO',
      numFaces: 1,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    });
  const { value: landmarker, delegate, gpuError } = await createWithDelegate(preference, create);
  return {
    delegate,
    gpuError,
    extra: readFaceConnections(),
    run: (image, timestampMs) => landmarker.detectForVideo(image, timestampMs),
    close: () => landmarker.close(),
  };
};
