interface ObsSourceEvent extends Event {
  detail?: { visible?: boolean; active?: boolean };
}

/** What OBS says about the browser source the page runs in. */
export interface ObsSourceState {
  /** False while the source is hidden (its eye is off, or its scene is not shown anywhere). */
  visible: boolean;
  /** False while the source is not on the program output (it may still show in the preview). */
  active: boolean;
}

/**
 * Follows OBS's source events (`obsSourceVisibleChanged`, `obsSourceActiveChanged`, sent as
 * window events with `detail.visible` / `detail.active`) and calls `onChange` with the new state.
 * The page pauses rendering while the source is not visible; being inactive alone does not
 * pause it, because the source may still show in the studio preview. Outside OBS the events
 * never fire. Returns a function that stops watching.
 */
export function watchObsVisibility(onChange: (state: ObsSourceState) => void): () => void {
  const state: ObsSourceState = { visible: true, active: true };
  const onVisible = (event: Event) => {
    state.visible = (event as ObsSourceEvent).detail?.visible !== false;
    onChange(state);
  };
  const onActive = (event: Event) => {
    state.active = (event as ObsSourceEvent).detail?.active !== false;
    onChange(state);
  };
  window.addEventListener('obsSourceVisibleChanged', onVisible);
  window.addEventListener('obsSourceActiveChanged', onActive);
  return () => {
    window.removeEventListener('obsSourceVisibleChanged', onVisible);
    window.removeEventListener('obsSourceActiveChanged', onActive);
  };
}
