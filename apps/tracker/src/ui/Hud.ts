import type { RejectedNotice } from '@rigcast/client';
import { formatCount } from './formatCount';
import type { TrackerState } from './TrackerState';

/** One HUD row: its label, and how to show its value. */
type HudRow = [label: string, format: (state: TrackerState) => string];

/**
 * The HUD's rows, in order. Each source gets a row with its tracking state (`face`); with more
 * than one source, each also gets its own inference row (`inference pose`).
 */
function hudRows(sourceNames: readonly string[]): HudRow[] {
  const tracking = sourceNames.map((name): HudRow => [name, (s) => s.sources[name]?.tracking || '–']);
  const inference =
    sourceNames.length > 1 ? sourceNames.map((name): HudRow => [`inference ${name}`, (s) => formatMs(s.sources[name]?.inferenceMs ?? Number.NaN)]) : [];
  return [
    ['status', (s) => s.status],
    ['model', (s) => formatProgress(s.modelProgress)],
    ['delegate', (s) => (s.delegate ? `${s.delegate} (${s.thread === 'worker' ? 'worker' : 'main thread'})` : '–')],
    ['gpu', (s) => (s.delegate === 'GPU' ? 'in use' : s.delegateNote || '–')],
    ['input', (s) => s.input],
    ['body', (s) => (s.hands ? `${s.body} · hands` : s.body)],
    ...tracking,
    ['fps', (s) => s.fps.toFixed(1)],
    ['inference', (s) => formatMs(s.inferenceMs)],
    ...inference,
    ['solve', (s) => formatMs(s.solveMs, 3)],
    ['wait', (s) => formatMs(s.queueMs)],
    ['send', (s) => formatMs(s.sendMs, 3)],
    ['sent', (s) => String(s.framesSent)],
    ['hub', (s) => s.connection],
    ['rtt', (s) => formatMs(s.rttMs)],
    ['viewers', (s) => formatCount(s.viewers)],
    ['rejected', (s) => (s.lastRejected ? `${s.rejected} · ${formatRejected(s.lastRejected)}` : '–')],
    ['recording', (s) => (s.recording.active ? formatRecording(s.recording) : '–')],
  ];
}

/** The hub's message, which normally starts with the reason; the reason is shown either way. */
function formatRejected({ reason, message }: RejectedNotice): string {
  return message.startsWith(`${reason}:`) ? message : `${reason}: ${message}`;
}

/** `● 0:12 · 360 frames · 40 kB`. */
function formatRecording({ frames, bytes, elapsedMs }: TrackerState['recording']): string {
  const seconds = Math.floor(elapsedMs / 1000);
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return `● ${time} · ${frames} frames · ${Math.round(bytes / 1000)} kB`;
}

function formatMs(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '–';
}

function formatProgress(fraction: number): string {
  if (Number.isNaN(fraction)) return 'downloading…';
  if (fraction >= 1) return 'loaded';
  return `${Math.round(fraction * 100)} %`;
}

/** The heads-up display: figures, and the messages that tell the user what is wrong. */
export class Hud {
  private readonly rows: HudRow[];
  private readonly values: HTMLElement[] = [];
  private readonly message: HTMLElement;
  private readonly hubMessage: HTMLElement;
  private readonly progress: HTMLProgressElement;

  /** @param sourceNames the pipeline's sources, in order. */
  constructor(root: HTMLElement, message: HTMLElement, hubMessage: HTMLElement, progress: HTMLProgressElement, sourceNames: readonly string[]) {
    this.rows = hudRows(sourceNames);
    this.message = message;
    this.hubMessage = hubMessage;
    this.progress = progress;
    const list = document.createElement('dl');
    for (const [label] of this.rows) {
      const term = document.createElement('dt');
      term.textContent = label;
      const value = document.createElement('dd');
      value.dataset.field = label;
      list.append(term, value);
      this.values.push(value);
    }
    root.append(list);
  }

  /** Shows `state`. Cheap enough for a few times a second; not meant for every frame. */
  render(state: TrackerState): void {
    for (let i = 0; i < this.rows.length; i++) {
      const text = this.rows[i][1](state);
      if (this.values[i].textContent !== text) this.values[i].textContent = text;
    }
    setMessage(this.message, state.error || state.notice);
    setMessage(this.hubMessage, state.hubError);
    const loading = !(state.modelProgress >= 1) && state.status === 'loading-model';
    this.progress.hidden = !loading;
    if (loading) {
      if (Number.isNaN(state.modelProgress)) this.progress.removeAttribute('value');
      else this.progress.value = state.modelProgress;
    }
  }
}

function setMessage(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
  element.hidden = text === '';
}
