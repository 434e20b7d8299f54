import { addLimbs } from './body/addLimbs';
import { addTorso } from './body/addTorso';
import { addHead } from './face/addHead';
import { addHair } from './hair/addHair';
import { ATLAS_SIZE, createAtlasPixels } from './look/TextureAtlas';
import { THUMBNAIL_SIZE, createThumbnailPixels } from './look/createThumbnailPixels';
import { MeshBuilder } from './mesh/MeshBuilder';
import { encodePng } from './png/encodePng';
import { createSkeleton } from './rig/createSkeleton';
import { writeAvatarGlb } from './vrm/writeAvatarGlb';

/** Figures about a generated avatar, for logs and the README. */
export interface AvatarStats {
  bytes: number;
  vertices: number;
  triangles: number;
  bones: number;
  morphTargets: number;
}

/**
 * Generates the project's default avatar: a VRM 1.0 binary (`.vrm`), the same bytes on every run.
 * @example
 * writeFileSync('models/rigcast-default.vrm', generateDefaultAvatar().bytes);
 */
export function generateDefaultAvatar(): { bytes: Uint8Array; stats: AvatarStats } {
  const skeleton = createSkeleton();
  const mesh = new MeshBuilder();
  const springChains = addHair(mesh, skeleton);
  addHead(mesh, skeleton);
  addTorso(mesh, skeleton);
  addLimbs(mesh, skeleton);
  const bytes = writeAvatarGlb(mesh, skeleton, {
    atlasPng: encodePng(ATLAS_SIZE, ATLAS_SIZE, createAtlasPixels()),
    thumbnailPng: encodePng(THUMBNAIL_SIZE, THUMBNAIL_SIZE, createThumbnailPixels()),
    springChains,
  });
  let triangles = 0;
  for (const t of mesh.triangles.values()) triangles += t.length / 3;
  return {
    bytes,
    stats: { bytes: bytes.length, vertices: mesh.vertexCount, triangles, bones: skeleton.bones.length, morphTargets: mesh.morphs.size },
  };
}
