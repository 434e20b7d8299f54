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
/** The root at the origin, unrotated: position, then rotation. */
const ROOT_TRANSFORM = Float64Array.of(0, 0, 0, 0, 0, 0, 1);
/** Every int32 and float32 argument takes 4 bytes. */
const ARG_BYTES = 4;
/** Position and rotation: 3 + 4 floats. */
const TRANSFORM_FLOATS = 7;
const TRANSFORM_BYTES = TRANSFORM_FLOATS * ARG_BYTES;
/** Where the rotation starts in a transform. */
const ROTATION_AT = 3;
/** Where the neck's and the head's rotations sit in the split pair. */
const NECK_AT = 0;
const HEAD_AT = 4;

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
  /** The neck's and the head's share of the face's head rotation, 4 floats each. */
  private readonly headPair = new Float64Array(8);
  private readonly eye = new Float64Array(4);
  private readonly rotation = new Float64Array(4);
  /** A bone's position and rotation in Unity's space, as sent. */
  private readonly transform = new Float64Array(TRANSFORM_FLOATS);
  /** One number (a weight, the time), copied so that it reaches the writer in an array. */
  private readonly weight = new Float64Array(1);

  constructor(options: VmcFrameWriterOptions = {}) {
    this.writer = new OscBundleWriter(options.maxBundleBytes ?? MAX_BUNDLE_BYTES);
    this.restOffsets = options.restOffsets ?? defaultRestOffsets();
    const spelling = options.arkitNames ?? ArkitNameCase.Arkit;
    this.arkitNames = ARKIT_BLENDSHAPE_NAMES.map((name) => oscString(arkitVmcName(name, spelling)));
  }

  /** Writes the cycle for `frame`, stamped `timeSeconds` in `/VMC/Ext/T`; returns how many datagrams it took. */
  write(frame: RigFrame, timeSeconds: number): number {
    const w = this.writer.begin();
    w.message(ROOT_ADDRESS, BONE_TAGS, ROOT_NAME.length + TRANSFORM_BYTES).string(ROOT_NAME).floats(ROOT_TRANSFORM, 0, TRANSFORM_FLOATS);

    const { face, body } = frame;
    if (face) {
      splitHeadRotation(face.head, this.headPair, NECK_AT, HEAD_AT);
      this.bone(NECK, this.headPair, NECK_AT);
      this.bone(HEAD, this.headPair, HEAD_AT);
      this.bone(LEFT_EYE, eyeRotationFromGaze(this.eye, face.gaze.left), 0);
      this.bone(RIGHT_EYE, eyeRotationFromGaze(this.eye, face.gaze.right), 0);
    }
    if (body) {
      for (let i = 0; i < HUMANOID_BONE_NAMES.length; i++) {
        if (face && (i === NECK || i === HEAD || i === LEFT_EYE || i === RIGHT_EYE)) continue;
        const rotation = body.bones[HUMANOID_BONE_NAMES[i]];
        if (!rotation) continue;
        // Into a Float64Array first: bone() then reads one array type and boxes no number.
        this.rotation.set(rotation);
        this.bone(i, this.rotation, 0);
      }
    }
    if (face) {
      const weight = this.weight;
      for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) {
        weight[0] = face.expressions[RIG_EXPRESSION_NAMES[i]];
        this.blend(this.presetNames[i]);
      }
      for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) {
        weight[0] = face.blendshapes[ARKIT_BLENDSHAPE_NAMES[i]];
        this.blend(this.arkitNames[i]);
      }
      w.message(APPLY_ADDRESS, NO_TAGS, 0);
    }
    const tracking = (face && face.confidence > 0) || body ? 1 : 0;
    w.message(OK_ADDRESS, OK_TAGS, 4 * ARG_BYTES).int(OK_LOADED).int(OK_CALIBRATED).int(OK_NORMAL_MODE).int(tracking);
    this.weight[0] = timeSeconds;
    w.message(TIME_ADDRESS, TIME_TAGS, ARG_BYTES).floats(this.weight, 0, 1);
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

  private bone(index: number, rotation: Float64Array, offset: number): void {
    const name = this.boneNames[index];
    switchPositionHandedness(this.transform, 0, this.restOffsets, index * 3);
    switchRotationHandedness(this.transform, ROTATION_AT, rotation, offset);
    this.writer.message(BONE_ADDRESS, BONE_TAGS, name.length + TRANSFORM_BYTES).string(name).floats(this.transform, 0, TRANSFORM_FLOATS);
  }

  /** Writes `/VMC/Ext/Blend/Val name` with the value in {@link weight}. */
  private blend(name: Uint8Array): void {
    this.writer.message(BLEND_ADDRESS, BLEND_TAGS, name.length + ARG_BYTES).string(name).floats(this.weight, 0, 1);
  }
}
