// The face inference worker: owns a FaceLandmarker and answers one `detect` request at a time.
import { serveDetectorWorker } from '../detect/serveDetectorWorker';
import { createFaceTask } from './createFaceTask';
import { FACE_LAYOUT } from './packFaceResult';

serveDetectorWorker(createFaceTask, FACE_LAYOUT, 'face');
