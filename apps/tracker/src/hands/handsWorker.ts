// The hands inference worker: owns a HandLandmarker and answers one `detect` request at a time.
import { serveDetectorWorker } from '../detect/serveDetectorWorker';
import { createHandsTask } from './createHandsTask';
import { HANDS_LAYOUT } from './packHandsResult';

serveDetectorWorker(createHandsTask, HANDS_LAYOUT, 'hands');
