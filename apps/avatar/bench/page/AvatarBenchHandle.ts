/** How to write a pose onto the model: the page's cached lookups, or the naive by-name baseline. */
export type ApplyMode = 'cached' | 'naive';

/** What the benchmark page puts on `window.avatarBench`. */
export interface AvatarBenchHandle {
  /** Null while loading, then the model's name, or an error message starting with `error:`. */
  status: string | null;
  /** Writes a pose onto the model `iterations` times and returns the average ms per write. */
  timeApply(mode: ApplyMode, iterations: number): number;
}
