import {
  MEDIAPIPE_BLENDSHAPE_NAMES,
  arkitBlendshapeIndex,
  type FaceRig,
  type Quat,
} from '@rigcast/protocol';
import { KalmanPositionFilter } from '../filters/KalmanPositionFilter';
import { OneEuroFilterBank } from '../filters/OneEuroFilterBank';
import { scaleOneEuroParams, type OneEuroParams } from '../filters/OneEuroParams';
import { OneEuroQuaternionFilter } from '../filters/OneEuroQuaternionFilter';
import { OneEuroVectorFilter } from '../filters/OneEuroVectorFilter';
import {
  clamp,
  quatCopy,
  quatIdentity,
  quatInverseMultiply,
  quatToHeadAngles,
  smoothstep01,
  type HeadAngles,
} from '@rigcast/math';
import { PartLifecycle } from '../lifecycle/PartLifecycle';
import { TrackingState } from '../lifecycle/TrackingState';
import { EyeBlinkRemapper } from './EyeBlinkRemapper';
import { DEFAULT_FACE_FILTER_SETTINGS, type FaceFilterSettings } from './FaceFilterSettings';
import { FACE_LANDMARK_COUNT_WITH_IRIS } from './FaceLandmarkIndex';
import type { FaceLandmarkerResultLike } from './FaceLandmarkerResultLike';
import { Mirror } from '../space/Mirror';
import { FaceStateLayout as L, blendFaceState, createFaceState, writeFaceRig } from './FaceState';
import { TRANSFORM_MATRIX_ENTRIES, headPositionFromMatrix, headRotationFromMatrix } from './headPoseFromMatrix';
import { measureIrisOffsets } from './measureIrisOffsets';
import { deriveRigExpressions } from './deriveRigExpressions';

/** Options of {@link FaceSolver}. */
export interface FaceSolverOptions {
  /** Mirror the avatar like a selfie view (default true). See {@link Mirror}. */
  mirror?: boolean;
  /** 0 = raw … 1 = heaviest filtering; default 0.5. */
  smoothing?: number;
  /** Per-channel filter parameters at smoothing 0.5 (default {@link DEFAULT_FACE_FILTER_SETTINGS}). */
  filters?: Partial<FaceFilterSettings>;
}

/** How long (ms) the last pose is held when the face is lost. */
export const FACE_HOLD_MS = 300;
/** How long (ms) the output then takes to ease to neutral. */
export const FACE_EASE_TO_NEUTRAL_MS = 700;
/** How long (ms) the output takes to blend back to the live face after a loss, a calibration or a mirror switch. */
export const FACE_RETURN_BLEND_MS = 250;

const DEG = Math.PI / 180;
/** Iris travel, as a fraction of the eye's half-width, at 90° of eye rotation (eyeball radius ÷ half-width). */
const IRIS_TRAVEL = 0.8;
/** Vertical gaze per unit of (eyeLookUp − eyeLookDown). */
const GAZE_PITCH_PER_LOOK = 30 * DEG;
/** Gaze never exceeds this, whatever the landmarks say. */
const MAX_GAZE = 35 * DEG;
/** An eye closed more than this keeps its last gaze: the iris is hidden. */
const GAZE_HOLD_CLOSURE = 0.4;
/** Head yaw at which the eye turned away from the camera starts / fully follows the other eye. */
const HIDDEN_EYE_YAW_START = 18 * DEG;
const HIDDEN_EYE_YAW_FULL = 35 * DEG;
/** Head yaw beyond which confidence falls, and the yaw where it reaches its floor. */
const CONFIDENCE_YAW_START = 40 * DEG;
const CONFIDENCE_YAW_END = 75 * DEG;
const CONFIDENCE_FLOOR = 0.3;

const BlendshapeGroup = { Mouth: 0, UpperFace: 1 } as const;

const mediapipeIndexByName = new Map<string, number>(MEDIAPIPE_BLENDSHAPE_NAMES.map((name, i) => [name, i]));
/** MediaPipe category index of each blendshape name. */
const MP = Object.fromEntries(MEDIAPIPE_BLENDSHAPE_NAMES.map((name, i) => [name, i])) as Record<
  (typeof MEDIAPIPE_BLENDSHAPE_NAMES)[number],
  number
>;
const MP_COUNT = MEDIAPIPE_BLENDSHAPE_NAMES.length;
const MP_GROUP = MEDIAPIPE_BLENDSHAPE_NAMES.map((name) =>
  /^(mouth|jaw|cheek)/.test(name) ? BlendshapeGroup.Mouth : BlendshapeGroup.UpperFace,
);

const EYE_BLINK_LEFT = L.Blendshapes + arkitBlendshapeIndex('eyeBlinkLeft');
const EYE_BLINK_RIGHT = L.Blendshapes + arkitBlendshapeIndex('eyeBlinkRight');
const TONGUE_OUT = L.Blendshapes + arkitBlendshapeIndex('tongueOut');

function isFiniteMatrix(data: ArrayLike<number>): boolean {
  if (data.length < TRANSFORM_MATRIX_ENTRIES) return false;
  for (let i = 0; i < TRANSFORM_MATRIX_ENTRIES; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

// Scratch values used within one method call only; what passes between methods lives on the instance.
const _q: Quat = [0, 0, 0, 1];
const _qOut: Quat = [0, 0, 0, 1];
const _pOut: [number, number, number] = [0, 0, 0];
const _position = new Float64Array(3);
const _iris = new Float64Array(4);
const _eye = new Float64Array(2);

/**
 * Turns FaceLandmarker results into the face half of a RigFrame, frame after frame.
 *
 * - **Head** rotation and position come from MediaPipe's facial transformation matrix, filtered
 *   (One Euro on the rotation, a constant-velocity Kalman filter on the position) and taken
 *   relative to the calibrated neutral. Before {@link calibrate}, the neutral rotation is facing
 *   the camera and the neutral position is where the face was first seen.
 * - **Blinks** go through per-eye {@link EyeBlinkRemapper}s (calibrated and learned open/closed
 *   ranges), then an eye turned away from the camera follows the visible one. A real wink survives.
 * - **Gaze** comes from the iris landmarks (yaw) and the `eyeLook*` shapes (pitch).
 * - **Blendshapes**: the 51 ARKit shapes MediaPipe gives, filtered, under their ARKit names;
 *   `eyeBlinkLeft/Right` carry the remapped blinks; `tongueOut` stays 0.
 * - **Expressions**: `blinkLeft/blinkRight` are what each eye adds to `blink` (the closure both
 *   eyes share), so `blink + blinkLeft` is the avatar's left eye closure. Vowels and emotions are
 *   derived from the shapes (see {@link deriveRigExpressions}).
 * - **Loss**: when no face is found the last pose is held for {@link FACE_HOLD_MS}, then eased to
 *   neutral over {@link FACE_EASE_TO_NEUTRAL_MS}; when the face returns the output blends back over
 *   {@link FACE_RETURN_BLEND_MS}, so nothing snaps.
 * - **Mirroring** happens in {@link Mirror} and nowhere else.
 *
 * The per-frame path allocates nothing: it writes into the caller's `target` and reuses
 * preallocated state.
 * @example
 * const solver = new FaceSolver({ mirror: true, smoothing: 0.5 });
 * const face = createNeutralFace();
 * const state = solver.solve(landmarker.detectForVideo(video, now), now, video.videoWidth, video.videoHeight, face);
 * calibrateButton.onclick = () => solver.calibrate();
 */
export class FaceSolver {
  /** Mirror the avatar like a selfie view. Changing it blends to the new side over {@link FACE_RETURN_BLEND_MS}. */
  mirror: boolean;
  /** 0 = raw … 1 = heaviest filtering. Takes effect on the next frame. */
  smoothing: number;

  private readonly _settings: FaceFilterSettings;
  private readonly _headFilter: OneEuroQuaternionFilter;
  private readonly _positionFilter: KalmanPositionFilter;
  private readonly _blinkFilter: OneEuroFilterBank;
  private readonly _blinkIn = new Float64Array(2);
  private readonly _gazeFilters: [OneEuroVectorFilter, OneEuroVectorFilter];
  private readonly _shapeFilters: OneEuroFilterBank;
  private readonly _remappers: [EyeBlinkRemapper, EyeBlinkRemapper];
  private readonly _scaled: OneEuroParams = { minCutoff: 0, beta: 0, derivativeCutoff: 0, speedFloor: 0 };
  private _appliedSmoothing = Number.NaN;

  // Camera-space state of the last tracked frame. Index 0 = subject's left eye, 1 = right.
  private readonly _rawShapes = new Float64Array(MP_COUNT);
  private readonly _shapes = new Float64Array(MP_COUNT);
  private readonly _headCamera: Quat = [0, 0, 0, 1];
  /** The head relative to the calibrated neutral, camera space, and its angles. */
  private readonly _headCalibrated: Quat = [0, 0, 0, 1];
  private readonly _headAngles: HeadAngles = { yaw: 0, pitch: 0, roll: 0 };
  private readonly _rawBlink = new Float64Array(2);
  private readonly _closure = new Float64Array(2);
  /** Filtered gaze inputs per eye: [leftIrisX, leftLook, rightIrisX, rightLook]. */
  private readonly _gaze = new Float64Array(4);
  private readonly _gazeYaw = new Float64Array(2);
  private readonly _gazePitch = new Float64Array(2);
  // Calibration (camera space).
  private readonly _neutralHead: Quat = [0, 0, 0, 1];
  private readonly _neutralPosition = new Float64Array(3);
  private _hasNeutralPosition = false;
  private readonly _neutralGaze = new Float64Array(4);

  /** Hold, ease to neutral and blend back, on flat face states (see FaceState). */
  private readonly _lifecycle = new PartLifecycle({
    holdMs: FACE_HOLD_MS,
    easeToRestMs: FACE_EASE_TO_NEUTRAL_MS,
    returnBlendMs: FACE_RETURN_BLEND_MS,
    rest: createFaceState(0),
    blend: blendFaceState,
    confidenceIndex: L.Confidence,
  });
  private _lastMirror: boolean;

  constructor(options: FaceSolverOptions = {}) {
    this.mirror = options.mirror ?? true;
    this.smoothing = options.smoothing ?? 0.5;
    this._lastMirror = this.mirror;
    this._settings = { ...DEFAULT_FACE_FILTER_SETTINGS, ...options.filters };
    const s = this._settings;
    this._headFilter = new OneEuroQuaternionFilter(s.head);
    this._positionFilter = new KalmanPositionFilter(s.headPosition);
    this._blinkFilter = new OneEuroFilterBank([s.blink, s.blink]);
    this._gazeFilters = [new OneEuroVectorFilter(2, s.gaze), new OneEuroVectorFilter(2, s.gaze)];
    this._shapeFilters = new OneEuroFilterBank(MP_GROUP.map((group) => (group === BlendshapeGroup.Mouth ? s.mouth : s.upperFace)));
    this._remappers = [new EyeBlinkRemapper(), new EyeBlinkRemapper()];
  }

  /** The state returned by the last {@link solve}. */
  get state(): TrackingState {
    return this._lifecycle.state;
  }

  /** The per-eye blink remappers, subject's left then right (for HUDs and tests). */
  get blinkRemappers(): readonly [EyeBlinkRemapper, EyeBlinkRemapper] {
    return this._remappers;
  }

  /**
   * Solves one video frame into `target` (a FaceRig the caller allocated once with
   * `createNeutralFace()`), and returns the tracking state. `timeMs` must not go backwards;
   * `imageWidth`/`imageHeight` are the video's size in pixels (they fix the aspect ratio).
   *
   * The FaceLandmarker must run with `outputFacialTransformationMatrixes: true` (a result without
   * a matrix counts as no face) and `outputFaceBlendshapes: true` (without, blinks, mouth and
   * shapes stay at rest). A result with non-finite numbers in its matrix also counts as no face,
   * so one bad frame cannot poison the filters.
   * @throws RangeError when `timeMs` is not finite or the image size is not positive: those are
   *   bugs in the caller, and the solver's state is left unchanged.
   */
  solve(result: FaceLandmarkerResultLike, timeMs: number, imageWidth: number, imageHeight: number, target: FaceRig): TrackingState {
    if (!Number.isFinite(timeMs)) {
      throw new RangeError(`FaceSolver.solve: timeMs must be a finite time in milliseconds, got ${timeMs}`);
    }
    if (!(imageWidth > 0 && imageHeight > 0)) {
      throw new RangeError(
        `FaceSolver.solve: the image size must be positive, got ${imageWidth}×${imageHeight}; pass video.videoWidth/videoHeight once the video has loaded`,
      );
    }
    this.applySmoothing();
    const life = this._lifecycle;
    if (this.mirror !== this._lastMirror) {
      this._lastMirror = this.mirror;
      life.glide(timeMs);
    }
    const landmarks = result.faceLandmarks?.[0];
    const matrix = result.facialTransformationMatrixes?.[0];
    const tracked = landmarks !== undefined && landmarks.length > 0 && matrix !== undefined && isFiniteMatrix(matrix.data);

    if (tracked) {
      if (life.resumingAfterLoss(timeMs)) this.resetFilters();
      this.track(result, timeMs, imageWidth, imageHeight);
      this.writeLive(life.live);
      life.tracked(timeMs);
    } else {
      life.missed(timeMs);
    }
    writeFaceRig(target, life.output);
    return life.state;
  }

  /**
   * Captures the neutral pose from the current face: its head rotation and position become
   * identity and zero, its gaze becomes straight ahead, and each eye's current blink score becomes
   * its open level. The output glides to the new neutral. Returns false (and changes nothing)
   * when no face has been tracked yet.
   */
  calibrate(): boolean {
    if (!this._lifecycle.everTracked) return false;
    quatCopy(this._neutralHead, this._headCamera);
    this._positionFilter.current(this._neutralPosition);
    this._hasNeutralPosition = true;
    this._neutralGaze.set(this._gaze);
    this._remappers[0].calibrateOpen(this._rawBlink[0]);
    this._remappers[1].calibrateOpen(this._rawBlink[1]);
    this._lifecycle.glideOnNextTrack();
    return true;
  }

  /** Forgets calibration, learned blink ranges, filter state and the tracked face. */
  reset(): void {
    quatIdentity(this._neutralHead);
    this._hasNeutralPosition = false;
    this._neutralGaze.fill(0);
    this._gaze.fill(0);
    this._remappers[0].reset();
    this._remappers[1].reset();
    this.resetFilters();
    this._lifecycle.reset();
  }

  private resetFilters(): void {
    this._headFilter.reset();
    this._positionFilter.reset();
    this._blinkFilter.reset();
    for (const f of this._gazeFilters) f.reset();
    this._shapeFilters.reset();
  }

  private applySmoothing(): void {
    const smoothing = clamp(Number.isFinite(this.smoothing) ? this.smoothing : 0.5, 0, 1);
    if (smoothing === this._appliedSmoothing) return;
    this._appliedSmoothing = smoothing;
    const s = this._settings;
    const set = (target: OneEuroParams, base: OneEuroParams): void => {
      scaleOneEuroParams(this._scaled, base, smoothing);
      target.minCutoff = this._scaled.minCutoff;
      target.beta = this._scaled.beta;
      target.derivativeCutoff = this._scaled.derivativeCutoff;
      target.speedFloor = this._scaled.speedFloor;
    };
    set(this._headFilter.params, s.head);
    scaleOneEuroParams(this._scaled, s.blink, smoothing);
    this._blinkFilter.setParams(0, this._scaled);
    this._blinkFilter.setParams(1, this._scaled);
    for (const f of this._gazeFilters) set(f.params, s.gaze);
    MP_GROUP.forEach((group, i) => {
      this._shapeFilters.setParams(i, scaleOneEuroParams(this._scaled, group === BlendshapeGroup.Mouth ? s.mouth : s.upperFace, smoothing));
    });
    const factor = smoothing === 0 ? Number.POSITIVE_INFINITY : (0.5 / smoothing) ** 2;
    this._positionFilter.enabled = smoothing > 0;
    if (smoothing > 0) {
      this._positionFilter.setParams({
        measurementNoise: s.headPosition.measurementNoise,
        accelerationNoise: s.headPosition.accelerationNoise * factor,
      });
    }
  }

  /** Reads and filters everything from a result with a face, in camera space. */
  private track(result: FaceLandmarkerResultLike, timeMs: number, width: number, height: number): void {
    // Head rotation and position from the column-major transformation matrix (cm).
    const m = result.facialTransformationMatrixes![0].data;
    headRotationFromMatrix(_q, m);
    this._headFilter.filter(_q, timeMs, this._headCamera);
    headPositionFromMatrix(_position, m);
    if (!this._hasNeutralPosition) {
      this._neutralPosition.set(_position);
      this._hasNeutralPosition = true;
    }
    this._positionFilter.filter(_position, timeMs, _position);

    // Blendshapes by MediaPipe index.
    this.readShapes(result);
    this._shapeFilters.filter(this._rawShapes, timeMs, this._shapes);

    // Head yaw relative to neutral, for hidden-eye stabilization and confidence.
    quatInverseMultiply(this._headCalibrated, this._neutralHead, this._headCamera);
    const angles = quatToHeadAngles(this._headAngles, this._headCalibrated);

    // Blinks: remap each eye, let the eye turned away follow the visible one, then filter.
    this._rawBlink[0] = this._rawShapes[MP.eyeBlinkLeft];
    this._rawBlink[1] = this._rawShapes[MP.eyeBlinkRight];
    this._remappers[0].update(this._rawBlink[0], timeMs);
    this._remappers[1].update(this._rawBlink[1], timeMs);
    const left = this._remappers[0].closure;
    const right = this._remappers[1].closure;
    // Camera yaw > 0 turns the face toward +X, the subject's left: the left eye turns away.
    const follow = smoothstep01((Math.abs(angles.yaw) - HIDDEN_EYE_YAW_START) / (HIDDEN_EYE_YAW_FULL - HIDDEN_EYE_YAW_START));
    const stableLeft = angles.yaw > 0 ? left + (right - left) * follow : left;
    const stableRight = angles.yaw < 0 ? right + (left - right) * follow : right;
    this._blinkIn[0] = stableLeft;
    this._blinkIn[1] = stableRight;
    this._blinkFilter.filter(this._blinkIn, timeMs, this._closure);
    this._closure[0] = clamp(this._closure[0], 0, 1);
    this._closure[1] = clamp(this._closure[1], 0, 1);

    // Gaze: iris offsets (yaw) and eyeLook shapes (pitch); a closing eye keeps its last gaze.
    const landmarks = result.faceLandmarks[0];
    let hasIris = landmarks.length >= FACE_LANDMARK_COUNT_WITH_IRIS;
    if (hasIris) {
      measureIrisOffsets(landmarks, width, height, _iris);
      hasIris = Number.isFinite(_iris[0] + _iris[1] + _iris[2] + _iris[3]);
    }
    for (let eye = 0; eye < 2; eye++) {
      if (this._closure[eye] > GAZE_HOLD_CLOSURE) continue;
      // _iris is [subjectRightX, subjectRightY, subjectLeftX, subjectLeftY]; eye 0 is the left.
      _eye[0] = hasIris ? _iris[eye === 0 ? 2 : 0] : this._neutralGaze[eye * 2];
      _eye[1] = this.lookVertical(eye);
      this._gazeFilters[eye].filter(_eye, timeMs, _eye);
      this._gaze[eye * 2] = _eye[0];
      this._gaze[eye * 2 + 1] = _eye[1];
    }
    for (let eye = 0; eye < 2; eye++) {
      const dx = this._gaze[eye * 2] - this._neutralGaze[eye * 2];
      this._gazeYaw[eye] = clamp(Math.asin(clamp(dx / IRIS_TRAVEL, -1, 1)), -MAX_GAZE, MAX_GAZE);
      const look = this._gaze[eye * 2 + 1] - this._neutralGaze[eye * 2 + 1];
      this._gazePitch[eye] = clamp(look * GAZE_PITCH_PER_LOOK, -MAX_GAZE, MAX_GAZE);
    }
  }

  /** eyeLookUp − eyeLookDown of one eye (0 = subject's left), from the raw shapes (the gaze filter smooths it). */
  private lookVertical(eye: number): number {
    const sh = this._rawShapes;
    return eye === 0
      ? sh[MP.eyeLookUpLeft] - sh[MP.eyeLookDownLeft]
      : sh[MP.eyeLookUpRight] - sh[MP.eyeLookDownRight];
  }

  private readShapes(result: FaceLandmarkerResultLike): void {
    const categories = result.faceBlendshapes?.[0]?.categories;
    if (!categories) {
      this._rawShapes.fill(0);
      return;
    }
    const inOrder = categories.length === MP_COUNT;
    for (let k = 0; k < categories.length; k++) {
      const c = categories[k];
      const index = inOrder && c.categoryName === MEDIAPIPE_BLENDSHAPE_NAMES[k] ? k : mediapipeIndexByName.get(c.categoryName);
      if (index !== undefined) this._rawShapes[index] = Number.isFinite(c.score) ? clamp(c.score, 0, 1) : 0;
    }
  }

  /** Writes the tracked face into `out` in the output space (the one place mirroring applies). */
  private writeLive(out: Float64Array): void {
    const mirror = this.mirror;
    // Head: relative to neutral, then mirrored.
    Mirror.rotation(_qOut, this._headCalibrated, mirror);
    out[L.Head] = _qOut[0]; out[L.Head + 1] = _qOut[1]; out[L.Head + 2] = _qOut[2]; out[L.Head + 3] = _qOut[3];
    this._positionFilter.current(_position);
    for (let i = 0; i < 3; i++) _position[i] -= this._neutralPosition[i];
    Mirror.position(_pOut, _position, mirror);
    out[L.Position] = _pOut[0]; out[L.Position + 1] = _pOut[1]; out[L.Position + 2] = _pOut[2];

    // Blendshapes under their (possibly side-swapped) ARKit names.
    const targets = Mirror.blendshapeTargets(mirror);
    for (let i = 0; i < MP_COUNT; i++) {
      const target = targets[i];
      if (target >= 0) out[L.Blendshapes + target] = clamp(this._shapes[i], 0, 1);
    }
    out[TONGUE_OUT] = 0;

    // Eyes: the subject's left eye drives the avatar's left unless mirrored.
    const avatarLeft = Mirror.avatarLeftIsSubjectLeft(mirror) ? 0 : 1;
    const avatarRight = 1 - avatarLeft;
    const closeLeft = this._closure[avatarLeft];
    const closeRight = this._closure[avatarRight];
    out[EYE_BLINK_LEFT] = closeLeft;
    out[EYE_BLINK_RIGHT] = closeRight;
    out[L.Gaze] = Mirror.yaw(this._gazeYaw[avatarLeft], mirror);
    out[L.Gaze + 1] = this._gazePitch[avatarLeft];
    out[L.Gaze + 2] = Mirror.yaw(this._gazeYaw[avatarRight], mirror);
    out[L.Gaze + 3] = this._gazePitch[avatarRight];

    deriveRigExpressions(out, L.Blendshapes, out, L.Expressions);

    const turn = clamp((Math.abs(this._headAngles.yaw) - CONFIDENCE_YAW_START) / (CONFIDENCE_YAW_END - CONFIDENCE_YAW_START), 0, 1);
    out[L.Confidence] = 1 - (1 - CONFIDENCE_FLOOR) * turn;
  }
}
