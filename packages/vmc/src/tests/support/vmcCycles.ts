import { DEG, quatFromAxisAngle, quatFromHeadAngles } from '@rigcast/math';
import type { Quat } from '@rigcast/protocol';
import type { PlayerMessage } from './peers';

/** A Unity-space rotation `[x, y, z, w]`. */
export type UnityQuat = [number, number, number, number];

const f = (value: number): ['f', number] => ['f', value];

/** The rotation by `degrees` about `axis` (normalized here), in whichever space the caller means. */
export function axisAngle(axis: readonly number[], degrees: number): Quat {
  const length = Math.hypot(axis[0], axis[1], axis[2]);
  return quatFromAxisAngle<Quat>([0, 0, 0, 1], [axis[0] / length, axis[1] / length, axis[2] / length], degrees * DEG);
}

/** `/VMC/Ext/Bone/Pos` for the player. */
export function playerBone(name: string, q: ArrayLike<number>, p: ArrayLike<number> = [0, 0, 0]): PlayerMessage {
  return ['/VMC/Ext/Bone/Pos', [['s', name], f(p[0]), f(p[1]), f(p[2]), f(q[0]), f(q[1]), f(q[2]), f(q[3])]];
}

/** `/VMC/Ext/Blend/Val` for the player. */
export function playerBlend(name: string, value: number): PlayerMessage {
  return ['/VMC/Ext/Blend/Val', [['s', name], f(value)]];
}

export const PLAYER_ROOT: PlayerMessage = ['/VMC/Ext/Root/Pos', [['s', 'root'], f(0), f(0), f(0), f(0), f(0), f(0), f(1)]];
export const PLAYER_APPLY: PlayerMessage = ['/VMC/Ext/Blend/Apply', []];
export const PLAYER_OK: PlayerMessage = ['/VMC/Ext/OK', [['i', 1]]];

/** `/VMC/Ext/T` for the player. */
export function playerTime(seconds: number): PlayerMessage {
  return ['/VMC/Ext/T', [f(seconds)]];
}

/** How many distinct cycle numbers {@link markerWeights} can carry. */
export const MARKER_RANGE = 200 * 200;
/** Marker digits are 1/200 apart, wider than twice the codec's half-step of 1/510. */
const MARKER_STEP = 200;

/**
 * Two weights that carry cycle number `i` through the codec's 1/255 quantization: `browInnerUp`
 * its low digit, `cheekPuff` its high digit.
 */
export function markerWeights(i: number): { browInnerUp: number; cheekPuff: number } {
  return { browInnerUp: (i % MARKER_STEP) / MARKER_STEP, cheekPuff: Math.floor(i / MARKER_STEP) / MARKER_STEP };
}

/** The cycle number {@link markerWeights} carried. */
export function readMarker(browInnerUp: number, cheekPuff: number): number {
  return Math.round(browInnerUp * MARKER_STEP) + MARKER_STEP * Math.round(cheekPuff * MARKER_STEP);
}

/** A random rotation in Unity's space (uniform, from a seeded generator). */
export function randomRotation(random: () => number): UnityQuat {
  const u1 = random(), u2 = random() * 2 * Math.PI, u3 = random() * 2 * Math.PI;
  const a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
  return [a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3)];
}

/** The Unity rotation of an eye looking `yaw` toward Unity's −X (the avatar's left) and `pitch` up, with no roll. */
export function unityEye(yaw: number, pitch: number): UnityQuat {
  // rigcast's eye (yaw about +Y, then up), mirrored into Unity: (x, y, z, w) → (x, −y, −z, w).
  const q = quatFromHeadAngles<UnityQuat>([0, 0, 0, 1], yaw, -pitch, 0);
  return [q[0], -q[1], -q[2], q[3]];
}

