// The pose inference worker: owns a PoseLandmarker and answers one `detect` request at a time.
import { serveDetectorWorker } from '../detect/serveDetectorWorker';
import { createPoseTask } from './createPoseTask';
import { POSE_LAYOUT } from './packPoseResult';

serveDetectorWorker(createPoseTask, POSE_LAYOUT, 'pose');
