import type { FramingPreset } from './FramingPreset';

/** Everything the avatar page reads from its URL. */
export interface PageOptions {
  /** Absolute URL of the VRM to load. */
  modelUrl: string;
  /** True when the model came from `?model=` rather than the default avatar. */
  modelFromQuery: boolean;
  /** Origin of the hub (`?hub=`, default: the page's origin). */
  hubUrl: string;
  /** Room to view (`?room=`, default `main`); `null` when the given room name is invalid. */
  room: string | null;
  /** View key (`?key=`), when the hub needs one. */
  key: string | undefined;
  /** Opaque background colour as `#rrggbb` (`?bg=`), or `null` for transparent. */
  background: string | null;
  /** Show the debug overlay (`?debug=1`). */
  debug: boolean;
  /** Camera framing (`?frame=`). */
  framing: FramingPreset;
  /** Interpolate between received frames (`?interp=0` turns it off). */
  interpolate: boolean;
  /** Play the demo performance at once (`?demo=1`), e.g. in OBS, where the Demo button never shows. */
  demo: boolean;
}
