import { VRMUtils, type VRM } from '@pixiv/three-vrm';
import { AvatarRig } from '../rig';
import { displayName, loadVRM, parseVRM } from './loadVRM';
import { ModelStatus } from './ModelStatus';

/** What the page does when a model has loaded or failed. */
export interface ModelLoaderEvents {
  /** `rig` is the new avatar; the page puts it on screen (and disposes the one it replaces). */
  onLoaded(rig: AvatarRig, name: string): void;
  /** Loading failed with `message` (it says what to do); `kept` is true when the previous avatar stays. */
  onFailed(message: string, kept: boolean): void;
}

/**
 * Loads the avatar, from a URL (`?model=`, the default avatar) or from a dropped file, through
 * one path: the newest request wins, a failure keeps the avatar on screen, and the status says
 * where it stands.
 */
export class ModelLoader {
  status: ModelStatus = ModelStatus.Loading;
  /** Name of the model on screen, or null before one loads. */
  name: string | null = null;
  /** Message of the last failed load, or null. */
  error: string | null = null;
  /** How many models have loaded. */
  loads = 0;
  /** The avatar on screen, or null before one loads. */
  rig: AvatarRig | null = null;
  private token = 0;

  constructor(private readonly events: ModelLoaderEvents) {}

  /** Loads a VRM from a URL or a file; a later call overtakes an earlier one still loading. */
  async load(source: string | File): Promise<void> {
    const token = ++this.token;
    this.status = ModelStatus.Loading;
    let vrm: VRM;
    try {
      vrm = typeof source === 'string' ? await loadVRM(source) : await parseVRM(await source.arrayBuffer(), source.name);
    } catch (error) {
      if (token === this.token) this.fail(error);
      return;
    }
    if (token !== this.token) {
      VRMUtils.deepDispose(vrm.scene);
      return;
    }
    this.rig = new AvatarRig(vrm);
    this.name = typeof source === 'string' ? displayName(source) : source.name;
    this.status = ModelStatus.Loaded;
    this.error = null;
    this.loads++;
    this.events.onLoaded(this.rig, this.name);
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
    // The previous avatar, if any, stays on screen.
    this.status = this.rig ? ModelStatus.Loaded : ModelStatus.Failed;
    console.warn(this.error);
    this.events.onFailed(this.error, this.rig !== null);
  }
}
