/** What every packed result says besides its arrays. */
export interface PackedInfo {
  /** Time spent in the task's `detectForVideo`, ms. */
  inferenceMs: number;
}

/**
 * How one task's results travel between a worker and the page with no copying: typed arrays
 * that are transferred back and forth (allocated once per detector), and a little info that is
 * copied. `Result` is what the MediaPipe task returns; packing it allocates nothing.
 */
export interface PackedLayout<Result, Arrays, Info extends PackedInfo> {
  createArrays(): Arrays;
  createInfo(): Info;
  /** Copies a task result into `arrays` and `info` (all but `inferenceMs`). */
  pack(result: Result, arrays: Arrays, info: Info): void;
  /** The buffers of `arrays`, to transfer. */
  transferList(arrays: Arrays): ArrayBuffer[];
  copyInfo(from: Info, to: Info): void;
}
