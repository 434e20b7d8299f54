import { readFileSync } from 'node:fs';
import { PACKAGE_PATHS } from '../packagePaths.js';

/** One MediaPipe bundle the pages load from `/models/`: an entry of `models/manifest.json`. */
export interface ModelEntry {
  /** File name under `/models/`. */
  file: string;
  /** The tracker cannot track without it. */
  required: boolean;
  description: string;
  /** Official download URL. */
  url: string;
  /** sha256 of the file at {@link ModelEntry.url}. */
  sha256: string;
  /** sha256 of the repacked bundle in the shared test data, accepted as well (see its DATA.md). */
  repackedSha256?: string;
  license: string;
  licenseUrl: string;
  source: string;
}

/** The models listed in the manifest the package ships. */
export function readModelManifest(path: string = PACKAGE_PATHS.modelManifest): readonly ModelEntry[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { models: ModelEntry[] }).models;
}
