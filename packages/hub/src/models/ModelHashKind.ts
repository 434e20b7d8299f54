import type { ModelEntry } from './ModelEntry.js';

/** Which known version of a model a file is, told by its sha256. */
export const ModelHashKind = { Official: 'official', Repacked: 'repacked' } as const;
export type ModelHashKind = (typeof ModelHashKind)[keyof typeof ModelHashKind];

/** The known version `digest` is, or null when it matches none. */
export function modelHashKind(model: ModelEntry, digest: string): ModelHashKind | null {
  if (digest === model.sha256) return ModelHashKind.Official;
  if (model.repackedSha256 && digest === model.repackedSha256) return ModelHashKind.Repacked;
  return null;
}

/** How a verified file is described to the user. */
export function describeHashKind(kind: ModelHashKind): string {
  return kind === ModelHashKind.Official
    ? 'official sha256 verified'
    : 'repacked bundle: its documented sha256 verified, which differs from the official one';
}
