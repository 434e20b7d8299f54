import type { HumanoidBoneName } from '@rigcast/protocol';
import type { Vec3 } from '../mesh/vec3';

/** One joint of the avatar: a humanoid bone or a helper (hair) bone. */
export interface Bone {
  /** glTF node name. */
  name: string;
  /** The VRM humanoid bone it is, if any. */
  humanoid?: HumanoidBoneName;
  /** Index of the parent bone in {@link Skeleton.bones}, or -1 for the root. */
  parent: number;
  /** Rest (T-pose) position in model space, metres. */
  position: Vec3;
}

/** The avatar's joints in parent-before-child order; the index of a bone is its skin joint index. */
export class Skeleton {
  readonly bones: Bone[] = [];
  private readonly byName = new Map<string, number>();

  /** Adds a bone under `parent` (a bone name, or null for the root) and returns its index. */
  add(name: string, parent: string | null, position: Vec3, humanoid?: HumanoidBoneName): number {
    if (this.byName.has(name)) throw new Error(`Skeleton: duplicate bone "${name}"`);
    const parentIndex = parent === null ? -1 : this.index(parent);
    this.bones.push({ name, humanoid, parent: parentIndex, position });
    this.byName.set(name, this.bones.length - 1);
    return this.bones.length - 1;
  }

  /** The joint index of a bone; throws for an unknown name. */
  index(name: string): number {
    const i = this.byName.get(name);
    if (i === undefined) throw new Error(`Skeleton: no bone "${name}"`);
    return i;
  }

  /** The rest position of a bone. */
  position(name: string): Vec3 {
    return this.bones[this.index(name)].position;
  }
}
