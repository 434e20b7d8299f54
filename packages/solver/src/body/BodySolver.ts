import {
  clamp,
  quatConjugate,
  quatCopy,
  quatIdentity,
  quatMultiply,
  quatRotateVec3,
  quatSlerp,
  vec3Add,
  vec3Cross,
  vec3Normalize,
  vec3Scale,
  vec3Sub,
  type QuatIn,
} from '@rigcast/math';
import { humanoidBoneIndex, type BodyPartName, type BodyRig, type HumanoidBoneName, type Quat } from '@rigcast/protocol';
import { quatBuffer } from './quatBuffer';
import { scaleOneEuroParams, type OneEuroParams } from '../filters/OneEuroParams';
import { OneEuroQuaternionFilter } from '../filters/OneEuroQuaternionFilter';
import { PartLifecycle } from '../lifecycle/PartLifecycle';
import { TrackingState } from '../lifecycle/TrackingState';
import { VisibilityGate } from '../lifecycle/VisibilityGate';
import { Mirror } from '../space/Mirror';
import { DEFAULT_BODY_FILTER_SETTINGS, type BodyFilterSettings } from './BodyFilterSettings';
import { BodyMode, LEG_ENTER_AFTER_MS } from './BodyMode';
import { DEFAULT_BODY_REST_POSE, type BodyRestPose } from './BodyRestPose';
import { BodyRestGeometry } from './BodyRestGeometry';
import { BODY_SIDES, BodySide } from './BodySide';
import { blendGroupState, confidenceIndex, createRestGroupState } from './BoneGroupState';
import { HingedLimb } from './HingedLimb';
import { PoseLandmarkIndex as P } from './PoseLandmarkIndex';
import type { PoseLandmarkerResultLike } from './PoseLandmarkerResultLike';
import { PartScore, PoseObservation, SIDE_LANDMARK_INDEX as SIDE } from './PoseObservation';
import { TORSO_BEND_SHARES } from './TorsoBendShares';
import { TORSO_FIT_ITERATIONS, TorsoFit } from './TorsoFit';
import { clavicleRaise } from './clavicleRaise';
import { footRotation } from './footRotation';
import { limitBehindTorso } from './limitBehindTorso';

/** Options of {@link BodySolver}. */
export interface BodySolverOptions {
  /** What to track (default `upper`). See {@link BodyMode}. */
  mode?: BodyMode;
  /** Mirror the avatar like a selfie view (default true). See {@link Mirror}. */
  mirror?: boolean;
  /** 0 = raw … 1 = heaviest filtering; default 0.5. */
  smoothing?: number;
  /** Per-channel filter parameters at smoothing 0.5 (default {@link DEFAULT_BODY_FILTER_SETTINGS}). */
  filters?: Partial<BodyFilterSettings>;
  /** The rest pose whose bone directions the rotations are relative to (default {@link DEFAULT_BODY_REST_POSE}). */
  restPose?: BodyRestPose;
}

/** How long (ms) a lost part keeps its last pose. */
export const BODY_HOLD_MS = 300;
/** How long (ms) a lost part then takes to ease to the relaxed rest pose. */
export const BODY_EASE_TO_REST_MS = 800;
/** How long (ms) a part takes to blend in when it is seen (again), or after a mirror or mode switch. */
export const BODY_RETURN_BLEND_MS = 300;

/** Visibility scores (see {@link PoseObservation}) at which a part is taken up, and below which it is dropped. */
const TORSO_GATE = { enterAbove: 0.5, exitBelow: 0.3 } as const;
/** An arm must score well for 100 ms (3 frames) before it is taken up: one frame of a guessed arm is not an arm. */
const ARM_GATE = { enterAbove: 0.5, exitBelow: 0.3, enterAfterMs: 100 } as const;
const LEG_GATE = { enterAbove: 0.7, exitBelow: 0.4, enterAfterMs: LEG_ENTER_AFTER_MS } as const;

const TORSO_BONES: readonly HumanoidBoneName[] = ['hips', 'spine', 'chest', 'upperChest'];
const ARM_BONES: readonly (readonly HumanoidBoneName[])[] = [
  ['leftShoulder', 'leftUpperArm', 'leftLowerArm'],
  ['rightShoulder', 'rightUpperArm', 'rightLowerArm'],
];
const LEG_BONES: readonly (readonly HumanoidBoneName[])[] = [
  ['leftUpperLeg', 'leftLowerLeg', 'leftFoot'],
  ['rightUpperLeg', 'rightLowerLeg', 'rightFoot'],
];
const ARM_PARTS: readonly BodyPartName[] = ['leftArm', 'rightArm'];
const LEG_PARTS: readonly BodyPartName[] = ['leftLeg', 'rightLeg'];
/** Bones each mode writes (the avatar keeps the others at rest). */
const MODE_BONES: Readonly<Record<BodyMode, readonly HumanoidBoneName[]>> = {
  upper: [...TORSO_BONES.slice(1), ...ARM_BONES.flat()],
  full: [...TORSO_BONES, ...ARM_BONES.flat(), ...LEG_BONES.flat()],
  off: [],
};
const OWN_BONES: readonly HumanoidBoneName[] = MODE_BONES.full;
const LEFT_UPPER_ARM = humanoidBoneIndex('leftUpperArm');

const IDENTITY = quatBuffer();
const SPINE_SHARE = TORSO_BEND_SHARES.spine;
const CHEST_SHARE = TORSO_BEND_SHARES.chest;
const UPPER_CHEST_SHARE = TORSO_BEND_SHARES.upperChest;
const HIPS = 0, SPINE = 4, CHEST = 8, UPPER_CHEST = 12;
const TORSO_CONFIDENCE = confidenceIndex(TORSO_BONES);
const LIMB_CONFIDENCE = 12;

// Scratch used within one method call only; what passes between calls lives on the instance.
const _q = quatBuffer();
const _q2 = quatBuffer();
const _torso = quatBuffer();
const _line = new Float64Array(3);
const _chord = new Float64Array(3);
const _v = new Float64Array(3);
const _dir = new Float64Array(3);
const _elbow = new Float64Array(3);
const _wrist = new Float64Array(3);
const _hipCentre = new Float64Array(3);
const _shoulderCentre = new Float64Array(3);
const _reference = new Float64Array(3);
const _clavicles = [quatBuffer(), quatBuffer()] as const;

function writeQuat(out: Float64Array, offset: number, q: QuatIn): void {
  out[offset] = q[0]; out[offset + 1] = q[1]; out[offset + 2] = q[2]; out[offset + 3] = q[3];
}

function readQuat(out: Float64Array, state: Float64Array, offset: number): Float64Array {
  out[0] = state[offset]; out[1] = state[offset + 1]; out[2] = state[offset + 2]; out[3] = state[offset + 3];
  return out;
}

/** Writes `Mirror.rotation(q)` at `offset` of `out`. */
function writeMirrored(out: Float64Array, offset: number, q: QuatIn, mirror: boolean): void {
  writeQuat(out, offset, Mirror.rotation(_q2, q, mirror));
}

/**
 * Turns PoseLandmarker results into the body half of a RigFrame, frame after frame: rotations of
 * VRM normalized bones, local to their parent, identity at the T-pose, in the RigFrame's space
 * (right-handed, +Y up, the avatar faces +Z, its left at +X), after mirroring; and a confidence
 * per part. The neck and head are not solved here (the face gives the head; see
 * {@link composeHeadOnTorso}).
 *
 * **Method** (in the camera's space, from MediaPipe's world landmarks):
 * - **Torso**: frames from the shoulders and hips. The hip line, the shoulder line and the
 *   hip-to-shoulder chord are fitted together ({@link TorsoFit}) by a model of the pelvis and the
 *   spine's chain: the pelvis carries the forward lean (at a desk one leans from the hips), the
 *   spine chain twists and bends sideways above it by its {@link TORSO_BEND_SHARES}, and a raised
 *   arm's clavicle ({@link CLAVICLE_ELEVATION_SHARE}) does not read as a tilted torso. In `upper`
 *   mode the hip landmarks (guesses, at a desk) are not used: the pelvis is square to the camera,
 *   the avatar's hips stay at rest and its spine chain carries the whole torso. In `full` mode the
 *   hips carry the pelvis.
 * - **Arms and legs**: {@link HingedLimb}: the swing from the rest direction, the twist from the
 *   elbow's or knee's bend plane, and for a straight limb the last twist relaxing to neutral (arm)
 *   or the line across the shin and the foot (leg). Feet from heel, toe tip and ankle.
 * - **Depth**: MediaPipe's z is trusted within the human range; an arm segment pointing far
 *   behind the torso's plane is softly held in front ({@link ARM_BEHIND_TRUSTED_RAD}).
 * - **Visibility**: each part is gated with hysteresis ({@link VisibilityGate}) on its landmarks'
 *   visibility and, for wrists and feet, on being inside the image, so an arm that leaves the
 *   bottom of the frame (the desk case) lets go instead of following MediaPipe's guess. A lost
 *   part holds for {@link BODY_HOLD_MS}, then eases over {@link BODY_EASE_TO_REST_MS} to the
 *   relaxed rest pose (arms down, never a T-pose), and blends back in over
 *   {@link BODY_RETURN_BLEND_MS} ({@link PartLifecycle}).
 * - **Filters**: One Euro per bone rotation, scaled by `smoothing`.
 *
 * The per-frame path creates no objects or arrays: it writes into the caller's `target`, whose
 * bone arrays it creates once per mode (a mode always writes the same bones), and keeps its own
 * rotations in typed arrays (see `tests/BodySolver.allocation.test.ts` for what V8 still boxes).
 * @example
 * const solver = new BodySolver({ mode: 'upper', mirror: true });
 * const body = createEmptyBody();
 * solver.solve(poseLandmarker.detectForVideo(video, now), now, body);
 */
export class BodySolver {
  /** What to track. A change takes effect on the next solve (bones are added or removed from the target then). */
  mode: BodyMode;
  /** Mirror the avatar like a selfie view. Changing it blends to the new side over {@link BODY_RETURN_BLEND_MS}. */
  mirror: boolean;
  /** 0 = raw … 1 = heaviest filtering. Takes effect on the next frame. */
  smoothing: number;

  private readonly _settings: BodyFilterSettings;
  private readonly _geometry: BodyRestGeometry;
  private readonly _observation = new PoseObservation();
  private readonly _fit: TorsoFit;
  private readonly _arms: readonly HingedLimb[];
  private readonly _legs: readonly HingedLimb[];
  private readonly _torsoGate = new VisibilityGate(TORSO_GATE);
  private readonly _armGates = [new VisibilityGate(ARM_GATE), new VisibilityGate(ARM_GATE)];
  private readonly _legGates = [new VisibilityGate(LEG_GATE), new VisibilityGate(LEG_GATE)];

  // Filters and their outputs, camera space, by the subject's side.
  private readonly _hipsFilter: OneEuroQuaternionFilter;
  private readonly _bendFilter: OneEuroQuaternionFilter;
  /** Per side: clavicle, upper arm, lower arm. */
  private readonly _armFilters: readonly (readonly OneEuroQuaternionFilter[])[];
  /** Per side: upper leg, lower leg, foot. */
  private readonly _legFilters: readonly (readonly OneEuroQuaternionFilter[])[];
  private readonly _hips = quatBuffer();
  private readonly _bend = quatBuffer();
  /** Per side: clavicle, upper arm, lower arm. */
  private readonly _armPose: readonly (readonly Float64Array[])[] = BODY_SIDES.map(() => [quatBuffer(), quatBuffer(), quatBuffer()]);
  /** Per side: upper leg, lower leg, foot. */
  private readonly _legPose: readonly (readonly Float64Array[])[] = BODY_SIDES.map(() => [quatBuffer(), quatBuffer(), quatBuffer()]);
  private readonly _footWorld = quatBuffer();
  private readonly _scaled: OneEuroParams = { minCutoff: 0, beta: 0, derivativeCutoff: 0, speedFloor: 0 };
  private _appliedSmoothing = Number.NaN;

  // Lifecycles of the output parts, by the avatar's side.
  private readonly _torsoLife: PartLifecycle;
  private readonly _armLives: readonly PartLifecycle[];
  private readonly _legLives: readonly PartLifecycle[];
  private _lastMirror: boolean;
  private _lastMode: BodyMode | null = null;
  private _pelvis = false;
  private _lastTimeMs = Number.NaN;
  /** Time since the previous solve, ms (0 on the first). */
  private _elapsedMs = 0;

  constructor(options: BodySolverOptions = {}) {
    this.mode = options.mode ?? BodyMode.Upper;
    this.mirror = options.mirror ?? true;
    this.smoothing = options.smoothing ?? 0.5;
    this._lastMirror = this.mirror;
    this._settings = { ...DEFAULT_BODY_FILTER_SETTINGS, ...options.filters };
    const g = (this._geometry = new BodyRestGeometry(options.restPose ?? DEFAULT_BODY_REST_POSE));
    this._fit = new TorsoFit(g);
    this._arms = BODY_SIDES.map((s) => new HingedLimb(g.upperArm[s], g.lowerArm[s], g.elbowHinge[s]));
    this._legs = BODY_SIDES.map((s) => new HingedLimb(g.upperLeg[s], g.lowerLeg[s], g.kneeHinge[s]));
    const s = this._settings;
    this._hipsFilter = new OneEuroQuaternionFilter(s.torso);
    this._bendFilter = new OneEuroQuaternionFilter(s.torso);
    this._armFilters = BODY_SIDES.map(() => [0, 1, 2].map(() => new OneEuroQuaternionFilter(s.arm)));
    this._legFilters = BODY_SIDES.map(() => [0, 1, 2].map(() => new OneEuroQuaternionFilter(s.leg)));
    const life = (bones: readonly HumanoidBoneName[]) =>
      new PartLifecycle({
        holdMs: BODY_HOLD_MS,
        easeToRestMs: BODY_EASE_TO_REST_MS,
        returnBlendMs: BODY_RETURN_BLEND_MS,
        rest: createRestGroupState(bones),
        blend: blendGroupState,
        confidenceIndex: confidenceIndex(bones),
      });
    this._torsoLife = life(TORSO_BONES);
    this._armLives = ARM_BONES.map(life);
    this._legLives = LEG_BONES.map(life);
  }

  /** The tracking state of a part after the last {@link solve} (hands: always lost; the hand solver owns them). */
  partState(part: BodyPartName): TrackingState {
    switch (part) {
      case 'torso': return this._torsoLife.state;
      case 'leftArm': return this._armLives[BodySide.Left].state;
      case 'rightArm': return this._armLives[BodySide.Right].state;
      case 'leftLeg': return this._legLives[BodySide.Left].state;
      case 'rightLeg': return this._legLives[BodySide.Right].state;
      default: return TrackingState.Lost;
    }
  }

  /**
   * Solves one video frame into `target` (a BodyRig the caller allocated once, e.g. with
   * `createEmptyBody()`) and returns the torso's tracking state. `timeMs` must not go backwards.
   *
   * The bones written are those of the {@link mode}; on a mode change the solver adds the new
   * mode's bones to `target.bones` and deletes those it no longer carries (`off` deletes them
   * all). Hand and finger bones and the hands' confidences are left alone. A result without a
   * pose, or whose world landmarks are not 33 finite points, counts as no pose.
   * @throws RangeError when `timeMs` is not finite (a bug in the caller; nothing changes).
   */
  solve(result: PoseLandmarkerResultLike, timeMs: number, target: BodyRig): TrackingState {
    if (!Number.isFinite(timeMs)) {
      throw new RangeError(`BodySolver.solve: timeMs must be a finite time in milliseconds, got ${timeMs}`);
    }
    const mode = this.mode;
    if (mode !== this._lastMode) this.switchMode(mode, timeMs, target);
    if (mode === BodyMode.Off) return TrackingState.Lost;
    this.applySmoothing();
    if (this.mirror !== this._lastMirror) {
      this._lastMirror = this.mirror;
      this.glideAll(timeMs);
    }
    this._elapsedMs = Number.isNaN(this._lastTimeMs) ? 0 : timeMs - this._lastTimeMs;
    this._lastTimeMs = timeMs;

    const obs = this._observation;
    const seen = obs.read(result);
    if (!seen) obs.scores.fill(0);
    const scores = obs.scores;
    const torsoSeen = this._torsoGate.update(scores[PartScore.Torso], timeMs) && seen;
    const armSeen0 = this._armGates[0].update(scores[PartScore.LeftArm], timeMs) && torsoSeen;
    const armSeen1 = this._armGates[1].update(scores[PartScore.RightArm], timeMs) && torsoSeen;
    const full = mode === BodyMode.Full;
    const legSeen0 = full && this._legGates[0].update(scores[PartScore.LeftLeg], timeMs) && torsoSeen;
    const legSeen1 = full && this._legGates[1].update(scores[PartScore.RightLeg], timeMs) && torsoSeen;
    const pelvis = legSeen0 || legSeen1;
    if (pelvis !== this._pelvis) {
      this._pelvis = pelvis;
      this._torsoLife.glide(timeMs);
    }

    const mirror = this.mirror;
    const torsoLife = this._torsoLife;
    if (torsoSeen && this.solveTorso(pelvis, armSeen0, armSeen1)) {
      if (torsoLife.resumingAfterLoss(timeMs)) {
        this._hipsFilter.reset();
        this._bendFilter.reset();
      }
      this._hipsFilter.filter(this._hips, timeMs, this._hips);
      this._bendFilter.filter(this._bend, timeMs, this._bend);
      this.writeTorso(torsoLife.live, mirror);
      this.track(torsoLife, timeMs);
    } else {
      torsoLife.missed(timeMs);
    }
    const torsoTracked = torsoLife.state === TrackingState.Tracking;

    for (let i = 0; i < 2; i++) {
      const s = i as BodySide;
      const avatarSide = this.avatarSide(s);
      const armLife = this._armLives[avatarSide];
      if (torsoTracked && (s === BodySide.Left ? armSeen0 : armSeen1) && this.solveArm(s, timeMs, armLife.resumingAfterLoss(timeMs))) {
        this.trackLimb(armLife, this._armPose[s], scores[PartScore.LeftArm + s], mirror, timeMs);
      } else {
        armLife.missed(timeMs);
      }
      if (!full) continue;
      const legLife = this._legLives[avatarSide];
      if (torsoTracked && (s === BodySide.Left ? legSeen0 : legSeen1) && this.solveLeg(s, timeMs, legLife.resumingAfterLoss(timeMs))) {
        this.trackLimb(legLife, this._legPose[s], scores[PartScore.LeftLeg + s], mirror, timeMs);
      } else {
        legLife.missed(timeMs);
      }
    }
    this.writeTarget(target, full);
    return torsoLife.state;
  }

  /**
   * The world rotation of the avatar's `side` lowerArm as of the last {@link solve}: in the
   * output space (after mirroring), relative to the avatar's root, composed from the bones the
   * solver wrote (hips · spine · chest · upperChest · shoulder · upperArm · lowerArm; the hips at
   * identity when not carried). A hand solver turns a hand's world rotation into the hand bone's
   * local one with it. Returns false, leaving `out` unchanged, when that arm is not tracked.
   * `side` is the **avatar's** side.
   */
  lowerArmWorld(side: 'left' | 'right', out: Quat): boolean {
    const arm = this._armLives[side === 'left' ? BodySide.Left : BodySide.Right];
    if (this.mode === BodyMode.Off || arm.state !== TrackingState.Tracking) return false;
    const torso = this._torsoLife.output;
    readQuat(_torso, torso, HIPS);
    quatMultiply(_torso, _torso, readQuat(_q, torso, SPINE));
    quatMultiply(_torso, _torso, readQuat(_q, torso, CHEST));
    quatMultiply(_torso, _torso, readQuat(_q, torso, UPPER_CHEST));
    for (let k = 0; k < 3; k++) quatMultiply(_torso, _torso, readQuat(_q, arm.output, k * 4));
    quatCopy(out, _torso);
    return true;
  }

  /** Forgets filters, held twists, gates and tracked parts: every part is at rest and unseen. */
  reset(): void {
    this._torsoGate.reset();
    for (const gate of [...this._armGates, ...this._legGates]) gate.reset();
    this.resetFilters();
    for (const limb of [...this._arms, ...this._legs]) limb.reset();
    this._torsoLife.reset();
    for (const life of [...this._armLives, ...this._legLives]) life.reset();
    this._pelvis = false;
    this._lastTimeMs = Number.NaN;
  }

  /** The avatar's side that the subject's side `s` drives. */
  private avatarSide(s: BodySide): BodySide {
    const same = Mirror.boneTargets(this.mirror)[LEFT_UPPER_ARM] === LEFT_UPPER_ARM;
    return same ? s : s === BodySide.Left ? BodySide.Right : BodySide.Left;
  }

  /** Hands a limb's solved bones (camera space) and confidence to its lifecycle, mirrored. */
  private trackLimb(life: PartLifecycle, pose: readonly Float64Array[], confidence: number, mirror: boolean, timeMs: number): void {
    const live = life.live;
    for (let k = 0; k < 3; k++) writeMirrored(live, k * 4, pose[k], mirror);
    live[LIMB_CONFIDENCE] = confidence;
    this.track(life, timeMs);
  }

  /** `tracked()`, blending in from the rest pose the first time a part is seen (the lifecycle would snap). */
  private track(life: PartLifecycle, timeMs: number): void {
    if (!life.everTracked) life.glide(timeMs);
    life.tracked(timeMs);
  }

  private glideAll(timeMs: number): void {
    this._torsoLife.glide(timeMs);
    for (const life of [...this._armLives, ...this._legLives]) life.glide(timeMs);
  }

  private switchMode(mode: BodyMode, timeMs: number, target: BodyRig): void {
    const first = this._lastMode === null;
    this._lastMode = mode;
    const bones = target.bones;
    const keep = MODE_BONES[mode];
    for (const bone of OWN_BONES) if (!keep.includes(bone)) delete bones[bone];
    if (mode === BodyMode.Off) {
      this.reset();
      this.writeConfidences(target, false);
      return;
    }
    if (!first) this.glideAll(timeMs);
  }

  private resetFilters(): void {
    this._hipsFilter.reset();
    this._bendFilter.reset();
    for (const f of [...this._armFilters.flat(), ...this._legFilters.flat()]) f.reset();
  }

  private applySmoothing(): void {
    const smoothing = clamp(Number.isFinite(this.smoothing) ? this.smoothing : 0.5, 0, 1);
    if (smoothing === this._appliedSmoothing) return;
    this._appliedSmoothing = smoothing;
    const set = (filter: OneEuroQuaternionFilter, base: OneEuroParams): void => {
      scaleOneEuroParams(this._scaled, base, smoothing);
      Object.assign(filter.params, this._scaled);
    };
    const s = this._settings;
    set(this._hipsFilter, s.torso);
    set(this._bendFilter, s.torso);
    for (const f of this._armFilters.flat()) set(f, s.arm);
    for (const f of this._legFilters.flat()) set(f, s.leg);
  }

  /**
   * Fits the torso to the landmarks ({@link TorsoFit}: the pelvis and the spine chain's bend
   * together), into `_hips` and `_bend` (camera space, unfiltered; the upperChest's world rotation
   * is `_hips · _bend`). With `pelvis` the hip landmarks place the pelvis; otherwise it is square
   * to the camera, the avatar's hips stay at rest and its spine chain carries the whole torso. The
   * clavicles of the seen arms move the shoulder landmarks, so they are estimated from the arms
   * and the fit refined, twice.
   */
  private solveTorso(pelvis: boolean, armSeen0: boolean, armSeen1: boolean): boolean {
    const pts = this._observation.points;
    vec3Scale(_hipCentre, vec3Add(_hipCentre, pts[P.LeftHip], pts[P.RightHip]), 0.5);
    vec3Scale(_shoulderCentre, vec3Add(_shoulderCentre, pts[P.LeftShoulder], pts[P.RightShoulder]), 0.5);
    vec3Sub(_chord, _shoulderCentre, _hipCentre);
    vec3Sub(_line, pts[P.LeftShoulder], pts[P.RightShoulder]);
    const hipLine = pelvis ? vec3Sub(_v, pts[P.LeftHip], pts[P.RightHip]) : null;
    const fit = this._fit;
    fit.setClavicles(IDENTITY, IDENTITY);
    if (!fit.fit(hipLine, _line, _chord, true)) return false;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) {
        const s = i as BodySide;
        const seen = s === BodySide.Left ? armSeen0 : armSeen1;
        if (!seen || !this.armDirection(_dir, s, fit.bend, fit.pelvis)) quatIdentity(_clavicles[s]);
        else clavicleRaise(_clavicles[s], _dir, s);
      }
      fit.setClavicles(_clavicles[0], _clavicles[1]);
      fit.fit(hipLine, _line, _chord, false, TORSO_FIT_ITERATIONS / 2);
    }
    if (pelvis) {
      quatCopy(this._hips, fit.pelvis);
      quatCopy(this._bend, fit.bend);
    } else {
      quatMultiply(this._bend, fit.pelvis, fit.bend);
      quatIdentity(this._hips);
    }
    return true;
  }

  /**
   * The subject's `s` upper arm direction in the upperChest's frame (`hips · bend`), with its
   * depth limited (see {@link limitBehindTorso}); false when the elbow sits on the shoulder.
   */
  private armDirection(out: Float64Array, s: BodySide, bend: QuatIn, hips: QuatIn): boolean {
    const pts = this._observation.points;
    if (vec3Normalize(out, vec3Sub(out, pts[SIDE.elbow[s]], pts[SIDE.shoulder[s]])) === 0) return false;
    quatConjugate(_q, quatMultiply(_q, hips, bend));
    quatRotateVec3(out, _q, out);
    limitBehindTorso(out);
    return true;
  }

  /** Solves and filters the subject's arm `s` into `_armPose[s]` (clavicle, upper, lower; camera space). */
  private solveArm(s: BodySide, timeMs: number, resuming: boolean): boolean {
    const pts = this._observation.points;
    const filters = this._armFilters[s];
    const pose = this._armPose[s];
    if (resuming) {
      for (let k = 0; k < 3; k++) filters[k].reset();
      this._arms[s].reset();
    }
    quatMultiply(_torso, this._hips, this._bend);
    // The elbow and wrist, with each segment's depth limited in the torso's frame.
    const shoulder = pts[SIDE.shoulder[s]];
    if (!this.armDirection(_dir, s, this._bend, this._hips)) return false;
    clavicleRaise(_q, _dir, s);
    filters[0].filter(_q, timeMs, pose[0]);
    // (Positions written out: a length handed to a helper would be boxed.)
    const elbow = pts[SIDE.elbow[s]], wrist = pts[SIDE.wrist[s]];
    vec3Sub(_v, elbow, shoulder);
    const upperLength = Math.sqrt(_v[0] * _v[0] + _v[1] * _v[1] + _v[2] * _v[2]);
    quatRotateVec3(_v, _torso, _dir);
    for (let i = 0; i < 3; i++) _elbow[i] = shoulder[i] + _v[i] * upperLength;
    vec3Sub(_dir, wrist, elbow);
    const lowerLength = Math.sqrt(_dir[0] * _dir[0] + _dir[1] * _dir[1] + _dir[2] * _dir[2]);
    if (!(lowerLength > 0)) return false;
    for (let i = 0; i < 3; i++) _dir[i] /= lowerLength;
    quatRotateVec3(_dir, quatConjugate(_q, _torso), _dir);
    limitBehindTorso(_dir);
    quatRotateVec3(_v, _torso, _dir);
    for (let i = 0; i < 3; i++) _wrist[i] = _elbow[i] + _v[i] * lowerLength;
    quatMultiply(_q, _torso, pose[0]);
    const arm = this._arms[s];
    arm.elapsedMs = this._elapsedMs;
    if (!arm.solve(_q, shoulder, _elbow, _wrist, null)) return false;
    filters[1].filter(arm.upper, timeMs, pose[1]);
    filters[2].filter(arm.lower, timeMs, pose[2]);
    return true;
  }

  /** Solves and filters the subject's leg `s` into `_legPose[s]` (upper, lower, foot; camera space). */
  private solveLeg(s: BodySide, timeMs: number, resuming: boolean): boolean {
    const pts = this._observation.points;
    const g = this._geometry;
    const filters = this._legFilters[s];
    const pose = this._legPose[s];
    if (resuming) {
      for (let k = 0; k < 3; k++) filters[k].reset();
      this._legs[s].reset();
    }
    const knee = pts[SIDE.knee[s]];
    const ankle = pts[SIDE.ankle[s]];
    const heel = pts[SIDE.heel[s]];
    const toe = pts[SIDE.footIndex[s]];
    const foot = footRotation(this._footWorld, heel, toe, ankle, g.footForward[s], g.footNormal[s]);
    // A straight knee's hinge: across the shin and the foot (the ankle flexes and inverts about
    // axes that keep it so; only its small abduction would not).
    vec3Sub(_v, toe, heel);
    vec3Sub(_dir, ankle, knee);
    const hasReference = vec3Normalize(_reference, vec3Cross(_reference, _v, _dir)) > 0;
    const leg = this._legs[s];
    leg.elapsedMs = this._elapsedMs;
    if (!leg.solve(this._hips, pts[SIDE.hip[s]], knee, ankle, hasReference ? _reference : null)) return false;
    filters[0].filter(leg.upper, timeMs, pose[0]);
    filters[1].filter(leg.lower, timeMs, pose[1]);
    // The foot relative to the (filtered) shin.
    quatMultiply(_q, this._hips, pose[0]);
    quatMultiply(_q, _q, pose[1]);
    if (foot) quatMultiply(_q2, quatConjugate(_q, _q), this._footWorld);
    else quatIdentity(_q2);
    filters[2].filter(_q2, timeMs, pose[2]);
    return true;
  }

  /** Writes the torso's live state: hips, then the bend split by {@link TORSO_BEND_SHARES}. */
  private writeTorso(live: Float64Array, mirror: boolean): void {
    writeMirrored(live, HIPS, this._pelvis ? this._hips : IDENTITY, mirror);
    quatSlerp(_q, IDENTITY, this._bend, SPINE_SHARE);
    writeMirrored(live, SPINE, _q, mirror);
    quatSlerp(_q, IDENTITY, this._bend, CHEST_SHARE);
    writeMirrored(live, CHEST, _q, mirror);
    quatSlerp(_q, IDENTITY, this._bend, UPPER_CHEST_SHARE);
    writeMirrored(live, UPPER_CHEST, _q, mirror);
    live[TORSO_CONFIDENCE] = this._observation.scores[PartScore.Torso];
  }

  private writeTarget(target: BodyRig, full: boolean): void {
    const bones = target.bones;
    const torso = this._torsoLife.output;
    for (let k = full ? 0 : 1; k < TORSO_BONES.length; k++) copyBone(bones, TORSO_BONES[k], torso, k * 4);
    for (let i = 0; i < 2; i++) {
      const side = i as BodySide;
      const arm = this._armLives[side].output;
      for (let k = 0; k < 3; k++) copyBone(bones, ARM_BONES[side][k], arm, k * 4);
      if (!full) continue;
      const leg = this._legLives[side].output;
      for (let k = 0; k < 3; k++) copyBone(bones, LEG_BONES[side][k], leg, k * 4);
    }
    this.writeConfidences(target, full);
  }

  private writeConfidences(target: BodyRig, full: boolean): void {
    const c = target.confidence;
    const on = this.mode !== BodyMode.Off;
    c.torso = on ? this._torsoLife.output[TORSO_CONFIDENCE] : 0;
    for (let i = 0; i < 2; i++) {
      const side = i as BodySide;
      c[ARM_PARTS[side]] = on ? this._armLives[side].output[LIMB_CONFIDENCE] : 0;
      c[LEG_PARTS[side]] = full ? this._legLives[side].output[LIMB_CONFIDENCE] : 0;
    }
  }
}

/** Copies one bone's rotation into the target, creating its array the first time. */
function copyBone(bones: BodyRig['bones'], bone: HumanoidBoneName, state: Float64Array, offset: number): void {
  let q = bones[bone];
  if (q === undefined) bones[bone] = q = [0, 0, 0, 1];
  q[0] = state[offset]; q[1] = state[offset + 1]; q[2] = state[offset + 2]; q[3] = state[offset + 3];
}
