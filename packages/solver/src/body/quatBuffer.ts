/**
 * A fresh identity quaternion in a `Float64Array`. The body solver keeps all its rotations in
 * typed arrays: the shared math then sees one array type at each call site instead of several
 * (small-integer and double JS arrays, typed arrays), which would make V8 box every number it
 * stores. @internal
 */
export function quatBuffer(): Float64Array {
  return Float64Array.of(0, 0, 0, 1);
}
