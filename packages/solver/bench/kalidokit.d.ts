// kalidokit 1.1.5's package entry (dist/index.js) cannot be imported by Node's ESM loader
// (directory imports), so the benchmark loads its ES bundle directly. Minimal types for it.
declare module 'kalidokit/dist/kalidokit.es.js' {
  interface XYZ {
    x: number;
    y: number;
    z: number;
  }
  interface TFace {
    head: { x: number; y: number; z: number; degrees: XYZ; position: XYZ };
    eye: { l: number; r: number };
    mouth: { x: number; y: number; shape: { A: number; E: number; I: number; O: number; U: number } };
    pupil: { x: number; y: number };
    brow: number;
  }
  export const Face: {
    solve(
      landmarks: XYZ[],
      options?: { runtime?: 'tfjs' | 'mediapipe'; imageSize?: { width: number; height: number }; smoothBlink?: boolean },
    ): TFace | undefined;
  };
  /** Pose.solve's output: Euler angles in radians (XYZ order), named for the avatar's bones of a mirrored (selfie) view. */
  type TPose = Record<'RightUpperArm' | 'RightLowerArm' | 'LeftUpperArm' | 'LeftLowerArm' | 'RightHand' | 'LeftHand' | 'RightUpperLeg' | 'RightLowerLeg' | 'LeftUpperLeg' | 'LeftLowerLeg' | 'Spine', XYZ> & {
    Hips: { position: XYZ; worldPosition: XYZ; rotation?: XYZ };
  };
  export const Pose: {
    solve(
      lm3d: (XYZ & { visibility?: number })[],
      lm2d: (XYZ & { visibility?: number })[],
      options?: { runtime?: 'tfjs' | 'mediapipe'; imageSize?: { width: number; height: number }; enableLegs?: boolean },
    ): TPose | undefined;
  };
}
