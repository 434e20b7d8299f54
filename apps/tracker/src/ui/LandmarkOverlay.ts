/** A landmark normalized to the image, as MediaPipe gives it. */
export interface OverlayPoint {
  x: number;
  y: number;
}

const LINE_WIDTH_PX = 1.5;
/** Line widths are for a 640-pixel-wide video; wider videos get proportionally thicker lines. */
const REFERENCE_WIDTH_PX = 640;

/**
 * The canvas over the preview video, the size of the video. The pipeline clears it for each
 * frame, then each source draws its landmarks with {@link drawPairs}.
 */
export class LandmarkOverlay {
  private readonly context: CanvasRenderingContext2D;
  private width = 0;
  private height = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser gave no 2D canvas for the landmark overlay');
    this.context = context;
  }

  /** Clears the canvas and sizes it to a `width` × `height` video (0 × 0 when there is none). */
  clear(width: number, height: number): void {
    const { canvas, context } = this;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    this.width = width;
    this.height = height;
    context.clearRect(0, 0, width, height);
  }

  /**
   * Strokes the segments between `points`, which are given as index pairs flattened
   * (`[a0, b0, a1, b1, …]`), in `style`.
   */
  drawPairs(points: readonly OverlayPoint[], pairs: readonly number[], style: string): void {
    const { context, width, height } = this;
    context.lineWidth = LINE_WIDTH_PX * Math.max(1, width / REFERENCE_WIDTH_PX);
    context.strokeStyle = style;
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
