import {
  ARKIT_BLENDSHAPE_NAMES,
  HUMANOID_BONE_NAMES,
  RIG_EXPRESSION_NAMES,
  humanoidBoneIndex,
  splitHeadRotation,
  type RigFrame,
} from '@rigcast/protocol';
import { MAX_BUNDLE_BYTES, OscBundleWriter, oscString } from '../osc';
import { defaultRestOffsets } from '../vmc/defaultRestOffsets';
import { eyeRotationFromGaze } from '../vmc/eyeRotation';
import { switchPositionHandedness, switchRotationHandedness } from '../vmc/switchHandedness';
import { UNITY_BONE_NAMES_IN_WIRE_ORDER } from '../vmc/UnityBoneName';
import { VmcAddress } from '../vmc/VmcAddress';
import { ArkitNameCase, VRM0_PRESET_NAMES, arkitVmcName } from '../vmc/VmcBlendName';

/** How a {@link VmcFrameWriter} writes. */
export interface VmcFrameWriterOptions {
  /** Spelling of the perfect-sync names; default {@link ArkitNameCase.Arkit}. */
  arkitNames?: ArkitNameCase;
  /** Bone offsets from their parents (see {@link defaultRestOffsets}, the default). */
  restOffsets?: Float64Array;
  /** Default {@link MAX_BUNDLE_BYTES}. */
  maxBundleBytes?: number;
}

const ROOT_ADDRESS = oscString(VmcAddress.RootPos);
const BONE_ADDRESS = oscString(VmcAddress.BonePos);
const BLEND_ADDRESS = oscString(VmcAddress.BlendVal);
const APPLY_ADDRESS = oscString(VmcAddress.BlendApply);
const OK_ADDRESS = oscString(VmcAddress.Ok);
const TIME_ADDRESS = oscString(VmcAddress.Time);
const BONE_TAGS = oscString(',sfffffff');
const BLEND_TAGS = oscString(',sf');
const NO_TAGS = oscString(',');
const OK_TAGS = oscString(',iiii');
const TIME_TAGS = oscString(',f');
const ROOT_NAME = oscString('root');
/** Every int32 and float32 argument takes 4 bytes. */
const ARG_BYTES = 4;
/** Position and rotation: 3 + 4 floats. */
const TRANSFORM_BYTES = 7 * ARG_BYTES;

/** `/VMC/Ext/OK` values: loaded, calibrated (state 3), normal calibration mode (0). */
const OK_LOADED = 1;
const OK_CALIBRATED = 3;
const OK_NORMAL_MODE = 0;

const NECK = humanoidBoneIndex('neck');
const HEAD = humanoidBoneIndex('head');
const LEFT_EYE = humanoidBoneIndex('leftEye');
const RIGHT_EYE = humanoidBoneIndex('rightEye');

/**
 * Writes one VMC performer cycle per RigFrame, as bundles of at most {@link MAX_BUNDLE_BYTES}:
 * 1. `/VMC/Ext/Root/Pos "root"` at the origin, unrotated;
 * 2. `/VMC/Ext/Bone/Pos` (`sfffffff`) for every bone the frame carries, in Unity's names and
 *    space ({@link UNITY_BONE_NAMES}, {@link switchRotationHandedness}), positions from
 *    {@link defaultRestOffsets}:
 *    - with a face: `Neck` and `Head` from its head rotation, split as the avatar page splits it
 *      ({@link splitHeadRotation}), and `LeftEye`/`RightEye` from its gaze;
 *    - with a body: its other bones (the face's neck, head and eyes win over the body's);
 * 3. with a face, `/VMC/Ext/Blend/Val` (`sf`) for the 13 presets by their VRM 0.x names
 *    ({@link VRM0_PRESET_NAMES}) and the 52 ARKit names, then `/VMC/Ext/Blend/Apply` after them;
 * 4. `/VMC/Ext/OK` (`iiii`: loaded, calibrated, normal mode, tracking) and `/VMC/Ext/T` (`f`).
 *
 * Bundles are filled in that order and split where the next message would not fit, so every
 * Blend/Val precedes its Apply. Every number but OK's is a float (`f`). Allocates nothing per frame.
 */
export class VmcFrameWriter {
  private readonly writer: OscBundleWriter;
  private readonly restOffsets: Float64Array;
  private readonly boneNames = UNITY_BONE_NAMES_IN_WIRE_ORDER.map(oscString);
  private readonly presetNames = RIG_EXPRESSION_NAMES.map((name) => oscString(VRM0_PRESET_NAMES[name]));
  private readonly arkitNames: Uint8Array[];
  private readonly headPair = new Float64Array(8);
  private readonly eye = new Float64Array(4);
  private readonly unity = new Float64Array(4);

  constructor(options: VmcFrameWriterOptions = {}) {
    this.writer = new OscBundleWriter(options.maxBundleBytes ?? MAX_BUNDLE_BYTES);
    this.restOffsets = options.restOffsets ?? defaultRestOffsets();
    const spelling = options.arkitNames ?? ArkitNameCase.Arkit;
    this.arkitNames = ARKIT_BLENDSHAPE_NAMES.map((name) => oscString(arkitVmcName(name, spelling)));
  }

  /** Writes the cycle for `frame`, stamped `timeSeconds` in `/VMC/Ext/T`; returns how many datagrams it took. */
  write(frame: RigFrame, timeSeconds: number): number {
    const w = this.writer.begin();
    w.message(ROOT_ADDRESS, BONE_TAGS, ROOT_NAME.length + TRANSFORM_BYTES).string(ROOT_NAME);
    w.float(0).float(0).float(0).float(0).float(0).float(0).float(1);

    const { face, body } = frame;
    if (face) {
      splitHeadRotation(face.head, this.headPair, 0, 4);
      this.bone(NECK, this.headPair, 0);
      this.bone(HEAD, this.headPair, 4);
      this.bone(LEFT_EYE, eyeRotationFromGaze(this.eye, face.gaze.left), 0);
      this.bone(RIGHT_EYE, eyeRotationFromGaze(this.eye, face.gaze.right), 0);
    }
    if (body) {
      for (let i = 0; i < HUMANOID_BONE_NAMES.length; i++) {
        if (face && (i === NECK || i === HEAD || i === LEFT_EYE || i === RIGHT_EYE)) continue;
        const rotation = body.bones[HUMANOID_BONE_NAMES[i]];
        if (rotation) this.bone(i, rotation, 0);
      }
    }
    if (face) {
      for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) this.blend(this.presetNames[i], face.expressions[RIG_EXPRESSION_NAMES[i]]);
      for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) this.blend(this.arkitNames[i], face.blendshapes[ARKIT_BLENDSHAPE_NAMES[i]]);
      w.message(APPLY_ADDRESS, NO_TAGS, 0);
    }
    const tracking = (face && face.confidence > 0) || body ? 1 : 0;
    w.message(OK_ADDRESS, OK_TAGS, 4 * ARG_BYTES).int(OK_LOADED).int(OK_CALIBRATED).int(OK_NORMAL_MODE).int(tracking);
    w.message(TIME_ADDRESS, TIME_TAGS, ARG_BYTES).float(timeSeconds);
    return w.finish();
  }

  /** The bytes of datagram `index` of the last cycle: its first {@link datagramLength} bytes. */
  datagram(index: number): Uint8Array {
    return this.writer.datagram(index);
  }

  /** The length of datagram `index` of the last cycle, in bytes. */
  datagramLength(index: number): number {
    return this.writer.datagramLength(index);
  }

  private bone(index: number, rotation: ArrayLike<number>, offset: number): void {
    const name = this.boneNames[index];
    const w = this.writer.message(BONE_ADDRESS, BONE_TAGS, name.length + TRANSFORM_BYTES).string(name);
    const u = this.unity;
    const p = index * 3;
    switchPositionHandedness(u, 0, this.restOffsets[p], this.restOffsets[p + 1], this.restOffsets[p + 2]);
    w.float(u[0]).float(u[1]).float(u[2]);
    switchRotationHandedness(u, 0, rotation[offset], rotation[offset + 1], rotation[offset + 2], rotation[offset + 3]);
    w.float(u[0]).float(u[1]).float(u[2]).float(u[3]);
  }

  private blend(name: Uint8Array, value: number): void {
    this.writer.message(BLEND_ADDRESS, BLEND_TAGS, name.length + ARG_BYTES).string(name).float(value);
  }
}
