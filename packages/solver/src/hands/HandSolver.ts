import { clamp, quatCopy, quatIdentity, quatInverseMultiply, quatMultiply } from '@rigcast/math';
import type { BodyRig, HumanoidBoneName, Quat } from '@rigcast/protocol';
import { OneEuroFilterBank } from '../filters/OneEuroFilterBank';
import { scaleOneEuroParams, type OneEuroParams } from '../filters/OneEuroParams';
import { OneEuroQuaternionFilter } from '../filters/OneEuroQuaternionFilter';
import { PartLifecycle } from '../lifecycle/PartLifecycle';
import type { TrackingState } from '../lifecycle/TrackingState';
import { cameraPointFromMediaPipe, type LandmarkLike } from '../space/cameraPointFromMediaPipe';
import { Mirror } from '../space/Mirror';
import type { ArmChainLike } from './ArmChainLike';
import { addHandBones } from './addHandBones';
import { assignHands, type DetectedHandLike, type TrackedHandsLike } from './assignHands';
import { constrainWrist } from './constrainWrist';
import { DEFAULT_HAND_FILTER_SETTINGS, type HandFilterSettings } from './HandFilterSettings';
import type { HandLandmarkerResultLike } from './HandLandmarkerResultLike';
import { HAND_LANDMARK_COUNT, HandLandmarkIndex } from './HandLandmarkIndex';
import { ANGLES_PER_DIGIT, DIGIT_COUNT } from './DigitAngle';
import { HandModel } from './HandModel';
import { HandPoseFitter } from './HandPoseFitter';
import { DEFAULT_HAND_REST_SHAPE, type HandRestShape } from './HandRestShape';
import { HandSide } from './HandSide';
import { HAND_BONE_COUNT, HandStateLayout as L, blendHandState, createRestHandState, handBoneNames } from './HandState';
import type { PoseWristsLike } from './PoseWristsLike';
import { handHeldUpClose } from './handHeldUpClose';
import { wristInFrame } from './wristInFrame';

/** Options of {@link HandSolver}. */
export interface HandSolverOptions {
  /** Mirror the avatar like a selfie view (default true): the subject's right hand drives the avatar's left. See {@link Mirror}. */
  mirror?: boolean;
  /** 0 = raw … 1 = heaviest filtering; default 0.5. */
  smoothing?: number;
  /** Per-channel filter parameters at smoothing 0.5 (default {@link DEFAULT_HAND_FILTER_SETTINGS}). */
  filters?: Partial<HandFilterSettings>;
  /** The hand the solver reads rotations against (default {@link DEFAULT_HAND_REST_SHAPE}). */
  restShape?: HandRestShape;
  /** True when the HandLandmarker was given a mirrored image: its handedness labels are then swapped. */
  imageMirrored?: boolean;
}

/** How long (ms) a lost hand holds its last pose (VMagicMirror: 250 ms). */
export const HAND_HOLD_MS = 250;
/** How long (ms) it then takes to ease to the relaxed rest hand (VMagicMirror: 1.2 s). */
export const HAND_EASE_TO_REST_MS = 1200;
/** How long (ms) a hand takes to blend back to the live pose after a loss or a mirror switch. */
export const HAND_RETURN_BLEND_MS = 200;
/**
 * Confidence of a hand solved with no arm chain (no pose: a hand close to the camera): its fingers
 * are tracked, but its wrist is only assumed straight.
 */
export const HAND_WITHOUT_ARM_CONFIDENCE = 0.6;
/** Time constant (ms) over which the measured size of a hand settles (the subject's hand does not change). */
const HAND_SCALE_TIME_CONSTANT_MS = 2000;

const MAX_HANDS = 2;
const ANGLE_COUNT = DIGIT_COUNT * ANGLES_PER_DIGIT;

// Scratch values used within one method call only; what passes between calls lives on the instance.
const _points = new Float64Array(HAND_LANDMARK_COUNT * 3);
const _point: [number, number, number] = [0, 0, 0];
const _lowerArm: Quat = [0, 0, 0, 1];
const _local: Quat = [0, 0, 0, 1];
const _hand: Quat = [0, 0, 0, 1];
const _q: Quat = [0, 0, 0, 1];
const _angles = new Float64Array(ANGLE_COUNT);
const _digits = new Float64Array((HAND_BONE_COUNT - 1) * 4);

/** Per avatar hand: everything that lives from frame to frame. */
interface HandSlot {
  readonly side: HandSide;
  readonly bones: readonly HumanoidBoneName[];
  readonly lowerArm: HumanoidBoneName;
  readonly lifecycle: PartLifecycle;
  readonly fitter: HandPoseFitter;
  readonly wristFilter: OneEuroQuaternionFilter;
  readonly digitFilter: OneEuroFilterBank;
  /** Tracked on the previous frame: the palm fit starts from its rotation. */
  warm: boolean;
  /** The last tracked frame had the arm's rotation (the wrist is then local to it, else straight). */
  onArm: boolean;
  scale: number;
  scaleSamples: number;
  lastTrackedMs: number;
  /** The body solver's lowerArm before this solver twisted it, and what it wrote. */
  readonly lowerArmBase: Quat;
  readonly lowerArmWritten: Quat;
  wroteLowerArm: boolean;
}

/**
 * Turns HandLandmarker results into the hands of a RigFrame's body: the hand bone and the 15
 * finger bones of each hand (VRM 1.0 names), `confidence.leftHand/rightHand`, and a share of the
 * forearm's twist in each lowerArm.
 *
 * - **Which hand is which** comes from {@link assignHands}: the nearer pose wrist when the pose
 *   sees wrists in the frame, else MediaPipe's label (a hint).
 * - **Fitting**: {@link HandPoseFitter} fits a kinematic hand (the {@link HandRestShape}, scaled to
 *   the hand seen) to the 21 world landmarks at once, within the joint limits (`FINGER_LIMITS`,
 *   `THUMB_LIMITS`): the wrist from a palm frame, each digit's spread and three curls, the thumb in
 *   its own basis.
 * - **Wrist**: the hand's rotation is made local to the lowerArm from the arm chain, and
 *   {@link constrainWrist} moves `FOREARM_TWIST_SHARE` of its twist into the lowerArm (which the
 *   body solver wrote first: `lowerArm · Rx(share)`) and clamps the rest to `WRIST_LIMITS`. With no arm chain
 *   (`arms` null: no pose, e.g. a hand close to the camera) the fingers are still solved and the
 *   wrist is held straight, at confidence {@link HAND_WITHOUT_ARM_CONFIDENCE}. So is a hand seen
 *   while the chain reports its arm lost but the pose shows its wrist in the frame (the elbow
 *   below the frame, the hand up at the camera), or while the hand is held up close to the camera
 *   ({@link handHeldUpClose}); a change between the two glides over {@link HAND_RETURN_BLEND_MS}.
 *   Otherwise a lost arm takes its hand with it.
 * - **Loss**: a hand not seen holds for {@link HAND_HOLD_MS},
 *   then eases over {@link HAND_EASE_TO_REST_MS} to the relaxed rest hand (slightly curled
 *   fingers), its confidence falling to 0; it blends back over {@link HAND_RETURN_BLEND_MS}.
 * - **Mirroring** goes through {@link Mirror}: with `mirror` on, the subject's right hand drives
 *   the avatar's left, as the mirror image of what it does.
 * - **Filters**: One Euro on the wrist's rotation and on each digit angle ({@link HandFilterSettings}).
 *
 * `solve` writes into a BodyRig the caller allocated once (with {@link addHandBones}; `solve` adds
 * the bones itself the first time if they are missing), and then only overwrites them. It
 * allocates nothing per frame.
 * @example
 * const hands = new HandSolver({ mirror: true });
 * const body = createEmptyBody();
 * bodySolver.solve(pose, now, body);                      // writes the lowerArms
 * hands.solve(handLandmarker.detectForVideo(video, now), now, body, bodySolver, wrists);
 */
export class HandSolver {
  /** Mirror the avatar like a selfie view. Changing it blends to the new side over {@link HAND_RETURN_BLEND_MS}. */
  mirror: boolean;
  /** 0 = raw … 1 = heaviest filtering. Takes effect on the next frame. */
  smoothing: number;
  /** True when the HandLandmarker sees a mirrored image (its labels are swapped). */
  imageMirrored: boolean;
  /** The kinematic hand the solver fits. */
  readonly model: HandModel;

  private readonly _settings: HandFilterSettings;
  private readonly _slots: readonly [HandSlot, HandSlot];
  private readonly _detected: DetectedHandLike[] = [
    { wrist: { x: 0, y: 0 }, label: '' },
    { wrist: { x: 0, y: 0 }, label: '' },
  ];
  /** Per detected hand: held up close to the camera ({@link handHeldUpClose}). */
  private readonly _close: boolean[] = [false, false];
  /** The subject's hands tracked on the last solve, at their image wrists (the points are reused). */
  private readonly _tracked: TrackedHandsLike = { left: null, right: null };
  private readonly _trackedWrists = { left: { x: 0, y: 0 }, right: { x: 0, y: 0 } };
  private readonly _subjectSides: (HandSide | null)[] = [null, null];
  private readonly _scaled: OneEuroParams = { minCutoff: 0, beta: 0, derivativeCutoff: 0, speedFloor: 0 };
  private _appliedSmoothing = Number.NaN;
  private _lastMirror: boolean;

  constructor(options: HandSolverOptions = {}) {
    this.mirror = options.mirror ?? true;
    this.smoothing = options.smoothing ?? 0.5;
    this.imageMirrored = options.imageMirrored ?? false;
    this._lastMirror = this.mirror;
    this._settings = { ...DEFAULT_HAND_FILTER_SETTINGS, ...options.filters };
    this.model = new HandModel(options.restShape ?? DEFAULT_HAND_REST_SHAPE);
    const slot = (side: HandSide): HandSlot => ({
      side,
      bones: handBoneNames(side),
      lowerArm: `${side}LowerArm`,
      lifecycle: new PartLifecycle({
        holdMs: HAND_HOLD_MS,
        easeToRestMs: HAND_EASE_TO_REST_MS,
        returnBlendMs: HAND_RETURN_BLEND_MS,
        rest: createRestHandState(side),
        blend: blendHandState,
        confidenceIndex: L.Confidence,
      }),
      fitter: new HandPoseFitter(this.model),
      wristFilter: new OneEuroQuaternionFilter(this._settings.wrist),
      digitFilter: new OneEuroFilterBank(Array.from({ length: ANGLE_COUNT }, () => this._settings.digits)),
      warm: false,
      onArm: false,
      scale: 1,
      scaleSamples: 0,
      lastTrackedMs: Number.NaN,
      lowerArmBase: [0, 0, 0, 1],
      lowerArmWritten: [0, 0, 0, 1],
      wroteLowerArm: false,
    });
    this._slots = [slot(HandSide.Left), slot(HandSide.Right)];
  }

  /** The state of the avatar's `side` hand after the last {@link solve}. */
  state(side: HandSide): TrackingState {
    return this._slots[side === HandSide.Left ? 0 : 1].lifecycle.state;
  }

  /** How many hands were tracked (not held or lost) on the last {@link solve}: what `shouldDetectHands` needs. */
  get trackedCount(): number {
    return (this._slots[0].lifecycle.state === 'tracking' ? 1 : 0) + (this._slots[1].lifecycle.state === 'tracking' ? 1 : 0);
  }

  /**
   * Solves one frame's hands into `target`. `arms` is the body solver's arm chain (null when no
   * pose runs or it found no body); `poseWrists` the pose's wrists in the image the hands were
   * found in (null without a pose). Call it after the body solve of the same frame, once per frame:
   * it twists the lowerArm the body solver wrote. `timeMs` must not go backwards.
   * @throws RangeError when `timeMs` is not finite (a bug in the caller; nothing changes).
   */
  solve(result: HandLandmarkerResultLike, timeMs: number, target: BodyRig, arms: ArmChainLike | null = null, poseWrists: PoseWristsLike | null = null): void {
    if (!Number.isFinite(timeMs)) {
      throw new RangeError(`HandSolver.solve: timeMs must be a finite time in milliseconds, got ${timeMs}`);
    }
    this.applySmoothing();
    if (this.mirror !== this._lastMirror) {
      // The other subject hand now drives each avatar hand: start its filters afresh and glide.
      this._lastMirror = this.mirror;
      for (const slot of this._slots) {
        slot.lifecycle.glide(timeMs);
        this.restart(slot);
        slot.scaleSamples = 0;
      }
    }
    addHandBones(target);

    const count = Math.min(MAX_HANDS, result.worldLandmarks?.length ?? 0, result.landmarks?.length ?? 0);
    for (let i = 0; i < count; i++) {
      const wrist = result.landmarks[i][HandLandmarkIndex.Wrist];
      this._detected[i].wrist.x = wrist?.x ?? Number.NaN;
      this._detected[i].wrist.y = wrist?.y ?? Number.NaN;
      this._detected[i].label = result.handedness?.[i]?.[0]?.categoryName ?? '';
      this._close[i] = handHeldUpClose(result.landmarks[i]);
    }
    assignHands(this._detected, count, poseWrists, this._subjectSides, this.imageMirrored, this._tracked);

    const avatarLeftIsSubjectLeft = Mirror.avatarLeftIsSubjectLeft(this.mirror);
    for (const slot of this._slots) {
      const subject = (slot.side === HandSide.Left) === avatarLeftIsSubjectLeft ? HandSide.Left : HandSide.Right;
      const hand = this._subjectSides[0] === subject ? 0 : this._subjectSides[1] === subject ? 1 : -1;
      let tracked = false;
      if (hand >= 0 && hand < count) {
        const onArm = arms !== null && arms.lowerArmWorld(slot.side, _lowerArm);
        // A hand the pose has lost the arm of is solved as with no pose (its fingers, the wrist held
        // straight) while the pose still shows that wrist in the frame (the elbow below the frame,
        // the hand up at the camera), or while the hand is held up close to the camera, which
        // hides the arm from the pose. Otherwise the lost arm takes the hand with it: that is a
        // hand the pose says is not there (a small or partial hand at the frame's edge).
        const usable =
          onArm ||
          arms === null ||
          poseWrists === null ||
          wristInFrame(subject === HandSide.Left ? poseWrists.left : poseWrists.right) ||
          this._close[hand];
        tracked = usable && this.track(slot, result.worldLandmarks[hand], subject === HandSide.Right, onArm, timeMs);
      }
      this.rememberTracked(subject, tracked ? this._detected[hand].wrist : null);
      if (tracked) slot.lifecycle.tracked(timeMs);
      else {
        slot.lifecycle.missed(timeMs);
        slot.warm = false;
      }
      this.write(slot, target);
    }
  }

  /** Notes where the subject's `side` hand was tracked on this solve (null: it was not), for {@link assignHands}. */
  private rememberTracked(side: HandSide, wrist: { x: number; y: number } | null): void {
    const point = this._trackedWrists[side];
    if (wrist) {
      point.x = wrist.x;
      point.y = wrist.y;
    }
    this._tracked[side] = wrist ? point : null;
  }

  /**
   * Writes the hands of the last {@link solve} into `target` again, with no new observation: for a
   * frame the HandLandmarker did not run on (the tracker shares the cores between models). The
   * lowerArm twist goes onto whatever lowerArm the body solver wrote since. Allocates nothing.
   */
  rewrite(target: BodyRig): void {
    addHandBones(target);
    for (const slot of this._slots) this.write(slot, target);
  }

  /** Forgets the tracked hands, their sizes and filter state: both hands are at rest, never seen. */
  reset(): void {
    for (const slot of this._slots) {
      slot.lifecycle.reset();
      this.restart(slot);
      slot.scaleSamples = 0;
      slot.wroteLowerArm = false;
    }
    this._tracked.left = this._tracked.right = null;
  }

  private restart(slot: HandSlot): void {
    slot.wristFilter.reset();
    slot.digitFilter.reset();
    slot.warm = false;
  }

  private applySmoothing(): void {
    const smoothing = clamp(Number.isFinite(this.smoothing) ? this.smoothing : 0.5, 0, 1);
    if (smoothing === this._appliedSmoothing) return;
    this._appliedSmoothing = smoothing;
    for (const slot of this._slots) {
      scaleOneEuroParams(slot.wristFilter.params, this._settings.wrist, smoothing);
      scaleOneEuroParams(this._scaled, this._settings.digits, smoothing);
      for (let i = 0; i < ANGLE_COUNT; i++) slot.digitFilter.setParams(i, this._scaled);
    }
  }

  /**
   * Fits one detected hand (`subjectRight`: the subject's right hand, solved as its reflection) for
   * the avatar hand `slot`, and writes the live pose. `_lowerArm` holds the arm's world rotation
   * when `hasArm`. False (nothing written) for unusable landmarks.
   */
  private track(slot: HandSlot, landmarks: readonly LandmarkLike[], subjectRight: boolean, hasArm: boolean, timeMs: number): boolean {
    if (landmarks.length < HAND_LANDMARK_COUNT) return false;
    for (let i = 0; i < HAND_LANDMARK_COUNT; i++) {
      cameraPointFromMediaPipe(_point, landmarks[i]);
      // A right hand is fitted as the left hand it reflects to.
      Mirror.position(_point, _point, subjectRight);
      if (!Number.isFinite(_point[0] + _point[1] + _point[2])) return false;
      _points[i * 3] = _point[0]; _points[i * 3 + 1] = _point[1]; _points[i * 3 + 2] = _point[2];
    }
    const life = slot.lifecycle;
    if (life.resumingAfterLoss(timeMs)) this.restart(slot);
    else if (slot.warm && hasArm !== slot.onArm) {
      // The arm found or lost under a tracked hand: the wrist changes what it is relative to; glide.
      life.glide(timeMs);
      slot.wristFilter.reset();
    }
    const fitter = slot.fitter;
    if (!fitter.fitPalm(_points, slot.warm)) return false;
    // The hand's size: a running mean at first, then a slow average (it is the same hand).
    const dt = Number.isNaN(slot.lastTrackedMs) ? 0 : Math.max(0, timeMs - slot.lastTrackedMs);
    const alpha = slot.scaleSamples === 0 ? 1 : Math.max(1 / (slot.scaleSamples + 1), 1 - Math.exp(-dt / HAND_SCALE_TIME_CONSTANT_MS));
    slot.scale += alpha * (fitter.measuredScale - slot.scale);
    slot.scaleSamples++;
    slot.lastTrackedMs = timeMs;
    fitter.fitHand(_points, slot.scale);

    // The fit is a left hand: exactly the avatar's hand on its left, the reflection on its right
    // (the subject's reflection into a left hand and the output mirror compose to that).
    const right = slot.side === HandSide.Right;
    if (hasArm) {
      Mirror.rotation(_lowerArm, _lowerArm, right);
      quatInverseMultiply(_local, _lowerArm, fitter.rotation);
    } else {
      quatIdentity(_local);
    }
    slot.wristFilter.filter(_local, timeMs, _local);
    slot.digitFilter.filter(fitter.angles, timeMs, _angles);
    const share = constrainWrist(_hand, _local);
    this.model.writeDigitRotations(_angles, _digits, 0);

    const live = life.live;
    Mirror.rotation(_q, _hand, right);
    live.set(_q, L.Bones);
    for (let b = 0; b < HAND_BONE_COUNT - 1; b++) {
      _q[0] = _digits[b * 4]; _q[1] = _digits[b * 4 + 1]; _q[2] = _digits[b * 4 + 2]; _q[3] = _digits[b * 4 + 3];
      Mirror.rotation(_q, _q, right);
      live.set(_q, L.Bones + (b + 1) * 4);
    }
    live[L.Twist] = share;
    live[L.Confidence] = hasArm ? 1 : HAND_WITHOUT_ARM_CONFIDENCE;
    slot.warm = true;
    slot.onArm = hasArm;
    return true;
  }

  /** Copies a slot's output into the rig, and its twist into the lowerArm the body solver wrote. */
  private write(slot: HandSlot, target: BodyRig): void {
    const out = slot.lifecycle.output;
    for (let b = 0; b < HAND_BONE_COUNT; b++) {
      const bone = target.bones[slot.bones[b]]!;
      const o = L.Bones + b * 4;
      bone[0] = out[o]; bone[1] = out[o + 1]; bone[2] = out[o + 2]; bone[3] = out[o + 3];
    }
    // Named stores: a computed key would box the number.
    if (slot.side === HandSide.Left) target.confidence.leftHand = out[L.Confidence];
    else target.confidence.rightHand = out[L.Confidence];

    const lowerArm = target.bones[slot.lowerArm];
    if (!lowerArm) return;
    // The body solver writes the lowerArm every frame; if what is there is still what this solver
    // wrote, the body did not solve since, and its own value is the one saved.
    const unchanged = slot.wroteLowerArm && lowerArm[0] === slot.lowerArmWritten[0] && lowerArm[1] === slot.lowerArmWritten[1] &&
      lowerArm[2] === slot.lowerArmWritten[2] && lowerArm[3] === slot.lowerArmWritten[3];
    if (!unchanged) quatCopy(slot.lowerArmBase, lowerArm);
    // Rx(twist): the same quaternion on either side, since a reflection x → −x keeps rotations about X.
    const half = out[L.Twist] / 2;
    _q[0] = Math.sin(half); _q[1] = 0; _q[2] = 0; _q[3] = Math.cos(half);
    quatMultiply(lowerArm, slot.lowerArmBase, _q);
    quatCopy(slot.lowerArmWritten, lowerArm);
    slot.wroteLowerArm = true;
  }
}
