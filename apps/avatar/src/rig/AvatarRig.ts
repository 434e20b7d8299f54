import type { VRM, VRMExpression } from '@pixiv/three-vrm';
import {
  ARKIT_BLENDSHAPE_NAMES,
  HUMANOID_BONE_NAMES,
  HUMANOID_BONE_PARENT,
  RIG_EXPRESSION_NAMES,
  humanoidBoneIndex,
  type ARKitBlendshapeName,
  type HumanoidBoneName,
} from '@rigcast/protocol';
import type { Object3D } from 'three';
import { GAZE_BLENDSHAPES, PERFECT_SYNC_SUPERSEDES, isBlinkBlendshape, isMouthBlendshape } from './perfectSyncRules';

/** Bones the page never writes: VRMLookAt owns the eyes. */
const LOOK_AT_BONES: ReadonlySet<HumanoidBoneName> = new Set(['leftEye', 'rightEye']);

/**
 * Everything the apply path needs from one loaded VRM, looked up once: normalized bone nodes
 * and expressions by wire index, the perfect-sync mapping and which presets it supersedes.
 */
export class AvatarRig {
  /** VRM 0.x models are turned 180° on load, so rotations flip sign on X and Z. */
  readonly isVRM0: boolean;
  /** Normalized bone node for each humanoid bone in wire order, or `null` when absent (or owned by lookAt). */
  readonly boneNodes: (Object3D | null)[];
  /**
   * For each bone the model has, the optional bones it lacks between it and its nearest present
   * ancestor (wire indices, outermost first), or `null` when there are none. A frame's rotation
   * for a missing bone (a lean on upperChest, a shoulder's shrug) is then folded into its present
   * children, so a model without upperChest or shoulders still shows the whole pose.
   */
  readonly missingAncestors: (readonly number[] | null)[];
  /** The model's preset expression for each rig expression in wire order, or `null`. */
  readonly presetExpressions: (VRMExpression | null)[];
  /** False for presets that perfect sync supersedes (see {@link PERFECT_SYNC_SUPERSEDES}). */
  readonly presetDriven: boolean[];
  /** The model's expression for each ARKit shape in wire order, or `null` (perfect sync). */
  readonly perfectSync: (VRMExpression | null)[];
  /** How many of the 52 ARKit shapes the model drives directly. */
  readonly perfectSyncCount: number;
  /**
   * The rotation last written to each bone node (`[x, y, z, w]` in wire order; NaN before the
   * first write). Writing a quaternion makes three.js recompute the node's Euler angles, so the
   * apply path skips bones whose rotation has not changed, which is most of them.
   */
  readonly writtenRotations: Float64Array;

  constructor(readonly vrm: VRM) {
    this.isVRM0 = vrm.meta.metaVersion === '0';
    const humanoid = vrm.humanoid;
    this.boneNodes = HUMANOID_BONE_NAMES.map((name) =>
      LOOK_AT_BONES.has(name) ? null : (humanoid.getNormalizedBoneNode(name) ?? null),
    );
    this.writtenRotations = new Float64Array(HUMANOID_BONE_NAMES.length * 4).fill(NaN);
    const present = HUMANOID_BONE_NAMES.map((name) => humanoid.getNormalizedBoneNode(name) != null);
    this.missingAncestors = HUMANOID_BONE_NAMES.map((name, bone) => {
      if (!this.boneNodes[bone]) return null;
      const missing: number[] = [];
      for (let parent = HUMANOID_BONE_PARENT[name]; parent !== null; parent = HUMANOID_BONE_PARENT[parent]) {
        const index = humanoidBoneIndex(parent);
        if (present[index]) break;
        missing.unshift(index);
      }
      return missing.length > 0 ? missing : null;
    });

    const manager = vrm.expressionManager;
    const byLowerName = new Map<string, VRMExpression>();
    for (const expression of manager?.expressions ?? []) byLowerName.set(expression.expressionName.toLowerCase(), expression);
    const gaze = new Set<string>(GAZE_BLENDSHAPES);
    this.perfectSync = ARKIT_BLENDSHAPE_NAMES.map((name) => (gaze.has(name) ? null : (byLowerName.get(name.toLowerCase()) ?? null)));
    this.perfectSyncCount = this.perfectSync.filter((e) => e !== null).length;

    const hasShape = (name: ARKitBlendshapeName) => this.perfectSync[ARKIT_BLENDSHAPE_NAMES.indexOf(name)] !== null;
    this.presetExpressions = RIG_EXPRESSION_NAMES.map((name) => manager?.getExpression(name) ?? null);
    this.presetDriven = RIG_EXPRESSION_NAMES.map((name) => !PERFECT_SYNC_SUPERSEDES[name].every(hasShape));

    // Let VRM's overrideBlink / overrideMouth damp the perfect-sync shapes as they damp presets.
    if (manager) {
      ARKIT_BLENDSHAPE_NAMES.forEach((name, i) => {
        const expression = this.perfectSync[i];
        if (!expression) return;
        const list = isBlinkBlendshape(name) ? manager.blinkExpressionNames : isMouthBlendshape(name) ? manager.mouthExpressionNames : null;
        if (list && !list.includes(expression.expressionName)) list.push(expression.expressionName);
      });
    }
  }

  /** The model's expression names for the ARKit shapes it drives, by ARKit name. */
  perfectSyncNames(): Partial<Record<ARKitBlendshapeName, string>> {
    const names: Partial<Record<ARKitBlendshapeName, string>> = {};
    ARKIT_BLENDSHAPE_NAMES.forEach((name, i) => {
      const expression = this.perfectSync[i];
      if (expression) names[name] = expression.expressionName;
    });
    return names;
  }
}
