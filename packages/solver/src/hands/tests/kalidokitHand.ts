/**
 * kalidokit's `Hand.solve`, applied the way its VRM demo applies it (docs/script.js of
 * yeemachine/kalidokit, on a VRM 0.x model), and converted to our convention: the baseline the
 * hand solver is compared with.
 *
 * Mapping:
 * - the demo is a mirror: `Hand.solve(landmarks, 'Left')` drives the avatar's left hand with the
 *   subject's right hand, so kalidokit gets the hand that drives the avatar's `side`, named by it;
 * - every output is an Euler triple (radians) turned into a quaternion with three.js's default
 *   `XYZ` order, dampener 1 (`rigRotation(name, euler)`);
 * - the demo's VRM 0.x model faces −Z, ours +Z (VRM 1.0): x and z of each rotation are negated;
 * - VRM 0.x thumb names: kalidokit's ThumbProximal / ThumbIntermediate / ThumbDistal go on VRM 1.0's
 *   thumbMetacarpal / thumbProximal / thumbDistal;
 * - the wrist: the demo takes x and y from `${side}Wrist` and z from `Pose.solve`'s hand; with no
 *   pose here, all three come from `${side}Wrist`. Like every kalidokit bone it is put on the hand
 *   as its local rotation, whatever the forearm does;
 * - the demo's 0.3 slerp per frame (its smoothing) is left out: poses are scored one by one, as
 *   if it had converged.
 * kalidokit reads image-style axes (x right, y down); it gets the world landmarks in MediaPipe's
 * axes (metres instead of image units, which angles do not mind), as copies since it may mutate.
 */
import { Hand } from 'kalidokit/dist/kalidokit.es.js';
import type { Quat } from '@rigcast/protocol';
import type { HandSide } from '../HandSide';

const DIGITS = ['Thumb', 'Index', 'Middle', 'Ring', 'Little'] as const;
const SEGMENTS = ['Proximal', 'Intermediate', 'Distal'] as const;

/** three.js `Quaternion.setFromEuler` for order XYZ, then VRM 0.x → VRM 1.0 (x and z negated). */
function fromDemoEuler(e: { x: number; y: number; z: number } | undefined): Quat {
  if (!e) return [0, 0, 0, 1];
  const c1 = Math.cos(e.x / 2), c2 = Math.cos(e.y / 2), c3 = Math.cos(e.z / 2);
  const s1 = Math.sin(e.x / 2), s2 = Math.sin(e.y / 2), s3 = Math.sin(e.z / 2);
  const x = s1 * c2 * c3 + c1 * s2 * s3;
  const y = c1 * s2 * c3 - s1 * c2 * s3;
  const z = c1 * c2 * s3 + s1 * s2 * c3;
  const w = c1 * c2 * c3 - s1 * s2 * s3;
  return [-x, y, -z, w];
}

/** kalidokit's hand as local rotations of our 16 hand bones (hand, then thumb … little, 3 each), or null. */
export function kalidokitHand(landmarks: readonly { x: number; y: number; z: number }[], side: HandSide): Quat[] | null {
  const name = side === 'left' ? 'Left' : 'Right';
  const rig = Hand.solve(landmarks.map((p) => ({ x: p.x, y: p.y, z: p.z })), name);
  if (!rig) return null;
  const bones = [fromDemoEuler(rig[`${name}Wrist`])];
  for (const digit of DIGITS) for (const segment of SEGMENTS) bones.push(fromDemoEuler(rig[`${name}${digit}${segment}`]));
  return bones;
}
