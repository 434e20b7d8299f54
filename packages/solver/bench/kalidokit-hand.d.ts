// kalidokit's Hand.solve, in the same module as bench/kalidokit.d.ts (ambient module declarations
// merge). Its output: Euler angles in radians (three.js XYZ order) per bone of a VRM 0.x hand,
// keyed `${side}Wrist`, `${side}ThumbProximal` (VRM 1.0's thumbMetacarpal), … `${side}LittleDistal`.
declare module 'kalidokit/dist/kalidokit.es.js' {
  export const Hand: {
    solve(landmarks: { x: number; y: number; z: number }[], side?: 'Left' | 'Right'): Record<string, { x: number; y: number; z: number }> | undefined;
  };
}
