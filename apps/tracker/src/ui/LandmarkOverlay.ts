import type { FaceConnections } from '../detect/faceConnections';
import type { LandmarkPoint } from '../detect/FaceResultView';

/** Stroke colours per feature; "left" and "right" are the subject's, as in MediaPipe's names. */
const FEATURE_STYLE: Record<keyof FaceConnections, string> = {
  oval: 'rgba(224, 224, 224, 0.8)',
  leftEye: '#30ff30',
  rightEye: '#ff3030',
  leftIris: '#30ff30',
  rightIris: '#ff3030',
  leftBrow: '#30ff30',
  rightBrow: '#ff3030',
  lips: '#e0a0ff',
};
const FEATURES = Object.keys(FEATURE_STYLE) as (keyof FaceConnections)[];
const LINE_WIDTH_PX = 1.5;

/** Draws the face's landmarks over the preview video on a canvas of the video's size. */
export class LandmarkOverlay {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private connections: FaceConnections | undefined;

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser gave no 2D canvas for the landmark overlay');
    this.context = context;
  }

  /** The index pairs to draw, from the detector once it is ready. */
  setConnections(connections: FaceConnections): void {
    this.connections = connections;
  }

  /** Draws `points` (normalized to the image) over a `width` × `height` video, or clears when `points` is null. */
  draw(points: readonly LandmarkPoint[] | null, width: number, height: number): void {
    const { canvas, context } = this;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.clearRect(0, 0, width, height);
    if (!points || !this.connections) return;
    context.lineWidth = LINE_WIDTH_PX * Math.max(1, width / 640);
    for (const feature of FEATURES) {
      const pairs = this.connections[feature];
      context.strokeStyle = FEATURE_STYLE[feature];
      context.beginPath();
      for (let i = 0; i < pairs.length; i += 2) {
        const a = points[pairs[i]];
        const b = points[pairs[i + 1]];
        context.moveTo(a.x * width, a.y * height);
        context.lineTo(b.x * width, b.y * height);
      }
      context.stroke();
    }
  }
}
