import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `../shared` beside the project: real models, video and avatars (see shared/docs/DATA.md).
 * CI always has it; `RIGCAST_SHARED_DIR` points elsewhere.
 */
export const SHARED_DIR = resolve(process.env.RIGCAST_SHARED_DIR ?? resolve(REPO_ROOT, '../shared'));

/** True when the shared data folder is present. */
export const HAS_SHARED_DATA = existsSync(resolve(SHARED_DIR, 'models/face_landmarker.task'));

/** The message a test prints when it must skip for want of `../shared`. */
export const SHARED_SKIP_REASON = `needs the shared data folder at ${SHARED_DIR} (models, video, VRMs); set RIGCAST_SHARED_DIR`;

/** Absolute path of a file under `../shared`, e.g. `sharedPath('media/face/selfie-640.mjpeg')`. */
export function sharedPath(relative: string): string {
  return resolve(SHARED_DIR, relative);
}
