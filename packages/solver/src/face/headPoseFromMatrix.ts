import type { Quat } from '@rigcast/protocol';
import { quatFromRotationMatrix } from '@rigcast/math';

/** Entries in MediaPipe's 4×4 facial transformation matrix. */
export const TRANSFORM_MATRIX_ENTRIES = 16;
const CM_PER_M = 100;
const _rotation = new Float64Array(9);

/**
 * The head's rotation in camera space from MediaPipe's facial transformation matrix.
 *
 * The matrix maps the canonical face model (metric, facing +Z) into the camera's space, which is
 * right-handed with +X toward the image's right, +Y up and +Z toward the viewer; `data` is
 * column-major (the translation is `data[12..14]`, in centimetres). Verified on the selfie
 * fixture: a head rolled with its top toward the image's right has `data[1] < 0`.
 */
export function headRotationFromMatrix(out: Quat, m: ArrayLike<number>): Quat {
  // Column-major 4×4 → row-major 3×3.
  _rotation[0] = m[0]; _rotation[1] = m[4]; _rotation[2] = m[8];
  _rotation[3] = m[1]; _rotation[4] = m[5]; _rotation[5] = m[9];
  _rotation[6] = m[2]; _rotation[7] = m[6]; _rotation[8] = m[10];
  return quatFromRotationMatrix(out, _rotation);
}

/** The head's position in camera space, in metres, from the same matrix. */
export function headPositionFromMatrix<T extends { [i: number]: number }>(out: T, m: ArrayLike<number>): T {
  out[0] = m[12] / CM_PER_M;
  out[1] = m[13] / CM_PER_M;
  out[2] = m[14] / CM_PER_M;
  return out;
}
