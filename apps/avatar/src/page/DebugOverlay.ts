/** How often the overlay text is refreshed, in ms: often enough to read, rarely enough to cost nothing. */
export const DEBUG_REFRESH_MS = 250;

/** The figures the debug overlay shows. */
export interface DebugFigures {
  fps: number;
  lastFrameAgeMs: number | null;
  framesReceived: number;
  framesGarbage: number;
  frameIntervalMs: number;
  connection: string;
  /** What is wrong with the link and what to do; empty while connected. */
  connectionDetail: string;
  /** Round-trip time to the hub, ms; `NaN` until measured. */
  rttMs: number;
  model: string;
  /** The parts that follow the stream; the others idle at rest. */
  liveParts: readonly string[];
  applyMs: number;
}

/** The `?debug=1` overlay: a small text panel in the top-left corner. */
export class DebugOverlay {
  private nextRefresh = 0;

  constructor(private readonly element: HTMLElement) {
    element.hidden = false;
  }

  /** Refreshes the text when {@link DEBUG_REFRESH_MS} has passed since the last refresh. */
  refresh(nowMs: number, figures: () => DebugFigures): void {
    if (nowMs < this.nextRefresh) return;
    this.nextRefresh = nowMs + DEBUG_REFRESH_MS;
    const f = figures();
    const age = f.lastFrameAgeMs === null ? 'none yet' : `${Math.round(f.lastFrameAgeMs)} ms ago`;
    this.element.textContent = [
      `fps ${f.fps.toFixed(1)}   apply ${f.applyMs.toFixed(3)} ms`,
      `last frame ${age}   interval ${f.frameIntervalMs.toFixed(1)} ms`,
      `frames ${f.framesReceived}   rejected ${f.framesGarbage}`,
      `hub ${f.connection}${Number.isFinite(f.rttMs) ? `   rtt ${f.rttMs.toFixed(1)} ms` : ''}${f.connectionDetail ? `\n${f.connectionDetail}` : ''}`,
      `model ${f.model}`,
      f.liveParts.length > 0 ? `live ${f.liveParts.join(' ')}` : 'idle',
    ].join('\n');
  }
}
