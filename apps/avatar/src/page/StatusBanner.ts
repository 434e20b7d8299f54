/**
 * The one message the page shows outside debug mode: what went wrong (a model that would not
 * load, a bad URL parameter, a refused connection) and what to do. Several sources can have a
 * message at once; each is shown on its own line.
 */
export class StatusBanner {
  private readonly messages = new Map<string, string>();

  constructor(private readonly element: HTMLElement) {}

  /** Sets (or, with `null`, clears) the message from `source`. */
  set(source: string, message: string | null): void {
    if (message) this.messages.set(source, message);
    else this.messages.delete(source);
    this.element.textContent = [...this.messages.values()].join('\n');
    this.element.hidden = this.messages.size === 0;
  }

  /** The text shown now ('' when hidden). */
  get text(): string {
    return this.element.hidden ? '' : (this.element.textContent ?? '');
  }
}
