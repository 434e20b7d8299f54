import { IDLE_AFTER_MS } from '../motion';
import { DemoState, type DemoPlayer } from '../demo';

/** How often the button checks whether the hub is streaming, ms. */
const REFRESH_MS = 250;

const LABELS: Record<DemoState, string> = {
  [DemoState.Off]: '▶ Demo',
  [DemoState.Loading]: 'Loading the demo…',
  [DemoState.Playing]: '■ Stop the demo',
  [DemoState.Failed]: '▶ Demo',
};

/**
 * The Demo button: plays the demo performance on this page, for a newcomer who has no camera yet,
 * and stops it. It shows only while the page has nothing live to show (no frame from the hub for
 * {@link IDLE_AFTER_MS}) or the demo plays, and never in OBS, whose output stays free of UI
 * (`?demo=1` plays the demo there).
 */
export class DemoButton {
  constructor(
    private readonly element: HTMLButtonElement,
    private readonly demo: DemoPlayer,
  ) {
    element.title = 'Play a recorded performance on this page (no camera needed). Other viewers of the room do not see it.';
    element.addEventListener('click', () => (demo.playing ? demo.stop() : void demo.start()));
    setInterval(() => this.refresh(), REFRESH_MS);
    this.refresh();
  }

  /** Updates the label and whether the button shows. */
  refresh(): void {
    const { demo, element } = this;
    const inObs = 'obsstudio' in window;
    const live = demo.lastHubFrameAt >= 0 && performance.now() - demo.lastHubFrameAt < IDLE_AFTER_MS;
    element.hidden = inObs || (live && demo.state !== DemoState.Playing);
    element.textContent = LABELS[demo.state];
    element.disabled = demo.state === DemoState.Loading;
  }
}
