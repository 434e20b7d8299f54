import { quatMultiply } from '@rigcast/math';
import {
  ARKIT_BLENDSHAPE_NAMES,
  BODY_PART_NAMES,
  HUMANOID_BONE_NAMES,
  RIG_EXPRESSION_NAMES,
  bodyPartOfBone,
  createEmptyBody,
  createNeutralFace,
  humanoidBoneIndex,
  type BodyPartName,
  type BodyRig,
  type FaceRig,
  type Quat,
  type RigFrame,
} from '@rigcast/protocol';
import { deriveRigExpressions } from '@rigcast/solver';
import { OscNameTable, OscPacketReader, decodeOscText, oscTypeTags, type OscMessage } from '../osc';
import { switchRotationHandedness } from '../vmc/switchHandedness';
import { UNITY_BONE_NAMES_IN_WIRE_ORDER } from '../vmc/UnityBoneName';
import { VMC_ADDRESSES, VmcAddress } from '../vmc/VmcAddress';
import { BlendTargetKind, createBlendNameTable } from '../vmc/VmcBlendName';
import { gazeFromEyeRotation } from '../vmc/eyeRotation';
import { VmcIgnoreReason } from './VmcIgnoreReason';
import { createVmcInStats, type VmcInStats } from './VmcInStats';

/**
 * How long presets count as sent: while a sender has sent any preset (`A`, `Blink_L` …) this
 * recently, its presets are used as they are; after that, or if it never sent one, the presets
 * are derived from its ARKit weights. A second covers senders that skip values in some cycles.
 */
export const PRESET_HOLD_MS = 1000;

/**
 * A sender that has not sent `/VMC/Ext/Blend/Apply` this long (counted from its first message) is
 * taken not to send it, like a body tracker with no face: every datagram that changed something
 * then ends a cycle.
 */
export const APPLY_TIMEOUT_MS = 1000;

/**
 * After this long with no valid message, what was received is forgotten, so that the next sender
 * (another app, a restarted phone) starts from a neutral face and no stale bones.
 */
export const SENDER_SILENCE_RESET_MS = 5000;

/** Called with each assembled frame; the frame object is reused, so encode or copy it before returning. */
export type VmcFrameHandler = (frame: RigFrame) => void;

/** Below this length a received quaternion is no rotation. */
const MIN_QUATERNION_LENGTH = 1e-6;
/** How many bytes of an unknown name or address are kept to show the user. */
const MAX_SHOWN_NAME_BYTES = 64;

const ADDRESS = new OscNameTable(VMC_ADDRESSES);
const ADDRESS_ID = Object.fromEntries(VMC_ADDRESSES.map((address, i) => [address, i])) as Record<VmcAddress, number>;
const BONES = new OscNameTable(UNITY_BONE_NAMES_IN_WIRE_ORDER);
const BLEND = createBlendNameTable();
const BLENDS = new OscNameTable(BLEND.names);
const BONE_TAGS = oscTypeTags('sfffffff');
/** VMC 2.1 adds scale and offset (six floats) to Root/Pos. */
const ROOT_TAGS_V21 = oscTypeTags('sfffffffffffff');
const BLEND_TAGS = oscTypeTags('sf');
const NO_TAGS = oscTypeTags('');
const TIME_TAGS = oscTypeTags('f');
const INT_TAG = 'i'.charCodeAt(0);
/** Position and rotation. */
const TRANSFORM_FLOATS = 7;
/** Where the rotation starts in a transform. */
const ROTATION_AT = 3;
const QUAT_FLOATS = 4;
/** Where w sits in `[x, y, z, w]`. */
const QUAT_W = 3;
/** VMC 2.1's Root/Pos: position, rotation, scale and offset. */
const ROOT_FLOATS_V21 = 13;

const NECK = humanoidBoneIndex('neck');
const HEAD = humanoidBoneIndex('head');
const LEFT_EYE = humanoidBoneIndex('leftEye');
const RIGHT_EYE = humanoidBoneIndex('rightEye');
const JAW = humanoidBoneIndex('jaw');
/** Per wire bone index: its body part's index in BODY_PART_NAMES, or -1 for bones of no part (the face's, the jaw). */
const BONE_PART = HUMANOID_BONE_NAMES.map((bone) => {
  const part = bodyPartOfBone(bone);
  return part === null ? -1 : BODY_PART_NAMES.indexOf(part);
});

/** Copies bone `bone`'s quaternion out of a flat array of them. */
function copyQuat(out: Float64Array, rotations: Float64Array, bone: number): void {
  for (let k = 0; k < QUAT_FLOATS; k++) out[k] = rotations[bone * QUAT_FLOATS + k];
}

/**
 * Turns VMC datagrams into RigFrames, as a marionette would: it keeps the last value of every bone
 * and blendshape, and each `/VMC/Ext/Blend/Apply` ends a cycle and yields a frame of everything
 * held (senders that never send Apply: see {@link APPLY_TIMEOUT_MS}).
 *
 * - Bones: Unity `HumanBodyBones` names ({@link UNITY_BONE_NAMES}), rotations converted to
 *   rigcast's space ({@link switchRotationHandedness}). `Neck` and `Head` become the face's head
 *   rotation (`neck · head`, the inverse of the avatar page's split); `LeftEye`/`RightEye` its
 *   gaze; every other bone the body's, with confidence 1 for each part that has a bone
 *   ({@link BODY_PART_BONES}). Bone positions and `/VMC/Ext/Root/Pos` are read and validated
 *   but not used: a RigFrame carries rotations, and the avatar pages place the avatar themselves.
 * - Blendshapes: ARKit names to the face's 52 weights, presets by their VRM 0.x or 1.0 names; a
 *   sender that sends ARKit weights and no presets gets them derived by the solver's own
 *   {@link deriveRigExpressions} ({@link PRESET_HOLD_MS}). Values are clamped to [0, 1].
 * - Bad input: a datagram the {@link OscPacketReader} drops changes nothing; a message with an
 *   unknown address or name, the wrong type tags, a NaN or a zero rotation is ignored. Both are
 *   counted in {@link stats}.
 *
 * Each frame gets the next `seq` and `time` = the arrival time given to {@link receive}. Nothing
 * is allocated per datagram but what storing the frame's weights into its records costs (V8
 * boxes fractional numbers there; see the allocation test).
 */
export class VmcFrameAssembler {
  /** Counters since construction. */
  readonly stats: VmcInStats = createVmcInStats();
  private readonly reader = new OscPacketReader();
  private readonly frame: RigFrame = { seq: 0, time: 0 };
  private readonly face = createNeutralFace();
  private readonly body = createEmptyBody();
  /**
   * Every bone's last rotation in rigcast's space, 4 floats per bone in wire order. Rotations live
   * in Float64Arrays only, so the code that moves them sees one array type and boxes no number.
   */
  private readonly rotations = new Float64Array(HUMANOID_BONE_NAMES.length * QUAT_FLOATS);
  /** The quaternions the frame's body holds, filled from {@link rotations}. */
  private readonly boneQuats: Quat[] = HUMANOID_BONE_NAMES.map(() => [0, 0, 0, 1]);
  private readonly boneSeen = new Uint8Array(HUMANOID_BONE_NAMES.length);
  private readonly neck = new Float64Array(QUAT_FLOATS);
  private readonly head = new Float64Array(QUAT_FLOATS);
  private readonly arkit = new Float64Array(ARKIT_BLENDSHAPE_NAMES.length);
  private readonly presets = new Float64Array(RIG_EXPRESSION_NAMES.length);
  private readonly derived = new Float64Array(RIG_EXPRESSION_NAMES.length);
  private readonly eye = new Float64Array(QUAT_FLOATS);
  /** The floats of the message being read: a bone's position and rotation, or one value. */
  private readonly floats = new Float64Array(ROOT_FLOATS_V21);
  private readonly unknownBytes = new Uint8Array(MAX_SHOWN_NAME_BYTES);
  private unknownLength = -1;
  private hasFace = false;
  private hasBody = false;
  private arkitSeen = false;
  private presetAt = Number.NEGATIVE_INFINITY;
  private applyAt = Number.NEGATIVE_INFINITY;
  private validAt = Number.NEGATIVE_INFINITY;
  private changed = false;
  private seq = 0;
  private now = 0;
  private onFrame: VmcFrameHandler | null = null;
  private readonly handleMessage = (message: OscMessage): void => this.handle(message);

  constructor() {
    this.reset();
  }

  /**
   * Reads one datagram that arrived at `now` (ms), calling `onFrame` for each cycle it ends.
   * Returns the number of frames it yielded.
   */
  receive(datagram: Uint8Array, now: number, onFrame: VmcFrameHandler): number {
    const framesBefore = this.stats.frames;
    this.stats.datagrams++;
    this.now = now;
    this.onFrame = onFrame;
    if (now - this.validAt > SENDER_SILENCE_RESET_MS) this.reset();
    const dropped = this.reader.read(datagram, this.handleMessage);
    if (dropped) this.stats.dropped[dropped]++;
    else if (this.changed && now - this.applyAt > APPLY_TIMEOUT_MS) this.emit();
    this.onFrame = null;
    return this.stats.frames - framesBefore;
  }

  /** The last unknown address or name received, to show the user what the sender sends; null if none. */
  get lastUnknown(): string | null {
    return this.unknownLength < 0 ? null : decodeOscText(this.unknownBytes, 0, this.unknownLength);
  }

  /** Forgets everything received: the next frame starts from a neutral face and no body. */
  reset(): void {
    this.boneSeen.fill(0);
    this.arkit.fill(0);
    this.presets.fill(0);
    this.rotations.fill(0);
    for (let bone = 0; bone < HUMANOID_BONE_NAMES.length; bone++) this.rotations[bone * QUAT_FLOATS + QUAT_W] = 1;
    const gaze = this.face.gaze;
    gaze.left.yaw = gaze.left.pitch = gaze.right.yaw = gaze.right.pitch = 0;
    this.hasFace = this.hasBody = this.arkitSeen = this.changed = false;
    this.presetAt = Number.NEGATIVE_INFINITY;
    // A new sender gets APPLY_TIMEOUT_MS to show that it sends Apply.
    this.applyAt = this.now;
  }

  private handle(message: OscMessage): void {
    this.stats.messages++;
    const address = message.address(ADDRESS);
    switch (address) {
      case ADDRESS_ID[VmcAddress.BonePos]:
        return this.readBone(message);
      case ADDRESS_ID[VmcAddress.BlendVal]:
        return this.readBlend(message);
      case ADDRESS_ID[VmcAddress.BlendApply]:
        if (!message.hasTags(NO_TAGS)) return this.ignore(VmcIgnoreReason.WrongType);
        this.validAt = this.applyAt = this.now;
        return this.emit();
      case ADDRESS_ID[VmcAddress.RootPos]:
        return this.readRoot(message);
      case ADDRESS_ID[VmcAddress.Ok]:
        return this.readOk(message);
      case ADDRESS_ID[VmcAddress.Time]:
        if (!message.hasTags(TIME_TAGS)) return this.ignore(VmcIgnoreReason.WrongType);
        message.readFloats(this.floats, 0, 1);
        if (!Number.isFinite(this.floats[0])) return this.ignore(VmcIgnoreReason.NotFinite);
        this.validAt = this.now;
        return;
      default:
        this.remember(message.bytes, message.addressStart, message.addressEnd);
        return this.ignore(VmcIgnoreReason.UnknownAddress);
    }
  }

  private readBone(message: OscMessage): void {
    if (!message.hasTags(BONE_TAGS)) return this.ignore(VmcIgnoreReason.WrongType);
    const bone = message.readName(BONES);
    if (bone < 0) {
      this.remember(message.bytes, message.stringStart, message.stringEnd);
      return this.ignore(VmcIgnoreReason.UnknownName);
    }
    // The local position (0–2) is the sender's own proportions: read to validate, not kept.
    const f = this.floats;
    message.readFloats(f, 0, TRANSFORM_FLOATS);
    if (!Number.isFinite(f[0] + f[1] + f[2] + f[3] + f[4] + f[5] + f[6])) return this.ignore(VmcIgnoreReason.NotFinite);
    const length = Math.sqrt(f[3] * f[3] + f[4] * f[4] + f[5] * f[5] + f[6] * f[6]);
    if (!(length > MIN_QUATERNION_LENGTH)) return this.ignore(VmcIgnoreReason.ZeroRotation);
    for (let k = ROTATION_AT; k < TRANSFORM_FLOATS; k++) f[k] /= length;
    switchRotationHandedness(this.rotations, bone * QUAT_FLOATS, f, ROTATION_AT);
    if (bone === LEFT_EYE || bone === RIGHT_EYE) {
      copyQuat(this.eye, this.rotations, bone);
      gazeFromEyeRotation(bone === LEFT_EYE ? this.face.gaze.left : this.face.gaze.right, this.eye);
    }
    if (BONE_PART[bone] >= 0 || bone === JAW) {
      this.boneSeen[bone] = 1;
      this.hasBody = true;
    } else this.hasFace = true;
    this.accepted();
  }

  private readBlend(message: OscMessage): void {
    if (!message.hasTags(BLEND_TAGS)) return this.ignore(VmcIgnoreReason.WrongType);
    const name = message.readName(BLENDS);
    const f = this.floats;
    message.readFloats(f, 0, 1);
    if (name < 0) {
      this.remember(message.bytes, message.stringStart, message.stringEnd);
      return this.ignore(VmcIgnoreReason.UnknownName);
    }
    if (!Number.isFinite(f[0])) return this.ignore(VmcIgnoreReason.NotFinite);
    const kind = BLEND.kinds[name];
    const value = f[0] < 0 ? 0 : f[0] > 1 ? 1 : f[0];
    if (kind === BlendTargetKind.Arkit) {
      this.arkit[BLEND.indices[name]] = value;
      this.arkitSeen = true;
    } else if (kind === BlendTargetKind.Preset) {
      this.presets[BLEND.indices[name]] = value;
      this.presetAt = this.now;
    }
    this.hasFace = true;
    this.accepted();
  }

  private readRoot(message: OscMessage): void {
    if (!message.hasTags(BONE_TAGS) && !message.hasTags(ROOT_TAGS_V21)) return this.ignore(VmcIgnoreReason.WrongType);
    message.readName(BONES);
    const f = this.floats;
    const count = message.tagCount - 1;
    message.readFloats(f, 0, count);
    let sum = 0;
    for (let k = 0; k < count; k++) sum += f[k];
    if (!Number.isFinite(sum)) return this.ignore(VmcIgnoreReason.NotFinite);
    this.validAt = this.now;
  }

  private readOk(message: OscMessage): void {
    if (message.tagCount === 0) return this.ignore(VmcIgnoreReason.WrongType);
    for (let i = 0; i < message.tagCount; i++) if (message.tag(i) !== INT_TAG) return this.ignore(VmcIgnoreReason.WrongType);
    this.validAt = this.now;
  }

  private accepted(): void {
    this.validAt = this.now;
    this.changed = true;
  }

  private ignore(reason: VmcIgnoreReason): void {
    this.stats.ignored[reason]++;
  }

  private remember(bytes: Uint8Array, start: number, end: number): void {
    const length = Math.min(end - start, MAX_SHOWN_NAME_BYTES);
    for (let i = 0; i < length; i++) this.unknownBytes[i] = bytes[start + i];
    this.unknownLength = length;
  }

  private emit(): void {
    this.changed = false;
    const frame = this.frame;
    if (!this.hasFace && !this.hasBody) return;
    frame.seq = this.seq = (this.seq + 1) >>> 0;
    frame.time = this.now;
    frame.face = this.hasFace ? this.writeFace() : undefined;
    frame.body = this.hasBody ? this.writeBody() : undefined;
    this.stats.frames++;
    this.onFrame?.(frame);
  }

  private writeFace(): FaceRig {
    const face = this.face;
    copyQuat(this.neck, this.rotations, NECK);
    copyQuat(this.head, this.rotations, HEAD);
    quatMultiply(this.head, this.neck, this.head);
    for (let k = 0; k < QUAT_FLOATS; k++) face.head[k] = this.head[k];
    for (let i = 0; i < ARKIT_BLENDSHAPE_NAMES.length; i++) face.blendshapes[ARKIT_BLENDSHAPE_NAMES[i]] = this.arkit[i];
    let expressions = this.presets;
    if (this.now - this.presetAt > PRESET_HOLD_MS) {
      if (this.arkitSeen) deriveRigExpressions(this.arkit, 0, this.derived, 0);
      else this.derived.fill(0);
      expressions = this.derived;
    }
    for (let i = 0; i < RIG_EXPRESSION_NAMES.length; i++) face.expressions[RIG_EXPRESSION_NAMES[i]] = expressions[i];
    face.confidence = 1;
    return face;
  }

  private writeBody(): BodyRig {
    const body = this.body;
    for (let part = 0; part < BODY_PART_NAMES.length; part++) body.confidence[BODY_PART_NAMES[part] as BodyPartName] = 0;
    for (let bone = 0; bone < HUMANOID_BONE_NAMES.length; bone++) {
      if (!this.boneSeen[bone]) {
        body.bones[HUMANOID_BONE_NAMES[bone]] = undefined;
        continue;
      }
      const q = this.boneQuats[bone];
      for (let k = 0; k < QUAT_FLOATS; k++) q[k] = this.rotations[bone * QUAT_FLOATS + k];
      body.bones[HUMANOID_BONE_NAMES[bone]] = q;
      if (BONE_PART[bone] >= 0) body.confidence[BODY_PART_NAMES[BONE_PART[bone]]] = 1;
    }
    return body;
  }
}
