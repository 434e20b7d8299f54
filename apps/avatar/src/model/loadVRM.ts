import { VRMLoaderPlugin, VRMUtils, type VRM } from '@pixiv/three-vrm';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { VRMLoadError, VRMLoadFailure } from './VRMLoadError';

let sharedLoader: GLTFLoader | null = null;

function loader(): GLTFLoader {
  if (!sharedLoader) {
    sharedLoader = new GLTFLoader();
    sharedLoader.register((parser) => new VRMLoaderPlugin(parser));
  }
  return sharedLoader;
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A short, readable name for a URL or file: its last path segment. */
export function displayName(source: string): string {
  try {
    const path = new URL(source).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || source;
  } catch {
    return source;
  }
}

/** Readies a freshly parsed VRM for rendering and driving, as three-vrm's examples do. */
function prepare(vrm: VRM): VRM {
  VRMUtils.removeUnnecessaryVertices(vrm.scene);
  VRMUtils.combineSkeletons(vrm.scene);
  VRMUtils.combineMorphs(vrm);
  // VRM 0.x faces -Z; turn it to face +Z like VRM 1.0, so the same frame drives both.
  VRMUtils.rotateVRM0(vrm);
  // Skinned meshes move away from their bind-pose bounds; never cull the avatar.
  vrm.scene.traverse((object) => {
    object.frustumCulled = false;
  });
  return vrm;
}

/**
 * Parses VRM bytes (a `.vrm` is a GLB). `source` names them in errors; `baseUrl` resolves any
 * external resources. Throws {@link VRMLoadError} when the bytes are not a VRM.
 */
export async function parseVRM(bytes: ArrayBuffer, source: string, baseUrl = ''): Promise<VRM> {
  const name = displayName(source);
  let gltf;
  try {
    gltf = await loader().parseAsync(bytes, baseUrl);
  } catch (error) {
    throw new VRMLoadError(
      VRMLoadFailure.Corrupt,
      source,
      `Could not load the avatar "${name}": the file is not a readable VRM/glTF (${detail(error)}). Export it again as .vrm, or pick another model.`,
    );
  }
  const vrm = gltf.userData.vrm as VRM | undefined;
  if (!vrm) {
    throw new VRMLoadError(
      VRMLoadFailure.NotVRM,
      source,
      `Could not load the avatar "${name}": it is a glTF model without VRM data. Convert it to VRM (for example with UniVRM or VRoid Studio), or pick a .vrm file.`,
    );
  }
  return prepare(vrm);
}

/**
 * Fetches and parses a VRM (0.x or 1.0). Throws {@link VRMLoadError} with a message fit to show
 * the user when the URL cannot be fetched, answers with an error, or holds no VRM.
 * @example
 * try { const vrm = await loadVRM(url); } catch (e) { showError((e as Error).message); }
 */
export async function loadVRM(url: string, signal?: AbortSignal): Promise<VRM> {
  const name = displayName(url);
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new VRMLoadError(
      VRMLoadFailure.Network,
      url,
      `Could not load the avatar "${name}": ${url} could not be reached (${detail(error)}). Check the address and that the server is running.`,
    );
  }
  if (!response.ok) {
    throw new VRMLoadError(
      VRMLoadFailure.HttpStatus,
      url,
      `Could not load the avatar "${name}": the server answered ${response.status} ${response.statusText} for ${url}. Check the ?model= address (the hub serves models from /models/).`,
    );
  }
  const bytes = await response.arrayBuffer();
  return parseVRM(bytes, url, url.slice(0, url.lastIndexOf('/') + 1));
}
