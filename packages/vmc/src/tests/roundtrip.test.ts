// VMC in → hub → VMC out with independent peers at both ends: python3-liblo sends, oscdump receives.
import { ARKIT_BLENDSHAPE_NAMES, RIG_EXPRESSION_NAMES, WEIGHT_STEPS } from '@rigcast/protocol';
import { DEG, quatAngleBetween, quatMultiply, seededRandom } from '@rigcast/math';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VRM0_PRESET_NAMES } from '../vmc/VmcBlendName';
import { BridgeHarness } from './support/BridgeHarness';
import { Oscdump, dumpedCycles, playVmc, requirePeers, waitFor, type PlayerMessage } from './support/peers';
import {
  PLAYER_APPLY,
  PLAYER_OK,
  PLAYER_ROOT,
  markerWeights,
  playerBlend,
  playerBone,
  playerTime,
  randomRotation,
  readMarker,
  unityEye,
  type UnityQuat,
} from './support/vmcCycles';

const BODY_BONES = ['Hips', 'Spine', 'Chest', 'LeftUpperArm', 'RightLowerArm', 'LeftHand', 'RightThumbProximal', 'RightThumbIntermediate', 'LeftIndexDistal', 'RightFoot'];
const PRESETS = RIG_EXPRESSION_NAMES.map((name) => VRM0_PRESET_NAMES[name]);
const CYCLES = 40;

interface SentCycle {
  rotations: Record<string, UnityQuat>;
  weights: Record<string, number>;
  messages: PlayerMessage[][];
}

function randomCycle(i: number, random: () => number): SentCycle {
  const rotations: Record<string, UnityQuat> = { Neck: randomRotation(random), Head: randomRotation(random) };
  rotations.LeftEye = unityEye((random() - 0.5) * 0.6, (random() - 0.5) * 0.4);
  rotations.RightEye = unityEye((random() - 0.5) * 0.6, (random() - 0.5) * 0.4);
  for (const bone of BODY_BONES) rotations[bone] = randomRotation(random);
  const weights: Record<string, number> = {};
  for (const name of ARKIT_BLENDSHAPE_NAMES) weights[name] = random();
  for (const name of PRESETS) weights[name] = random();
  Object.assign(weights, markerWeights(i));
  return {
    rotations,
    weights,
    messages: [
      [PLAYER_ROOT, ...Object.entries(rotations).map(([name, q]) => playerBone(name, q))],
      Object.entries(weights).map(([name, value]) => playerBlend(name, value)),
      [PLAYER_APPLY, PLAYER_OK, playerTime(i / 20)],
    ],
  };
}

describe('vmc round trip: liblo → in → real hub → out → oscdump', () => {
  const harness = new BridgeHarness();
  beforeAll(() => requirePeers());
  afterEach(() => harness.cleanup());

  it('gives back the same rotations within 0.1° and the same weights within 1/255', async () => {
    await harness.start();
    const room = 'vmc-roundtrip';
    const dump = harness.own(await Oscdump.start());
    const out = await harness.vmcOut(room, dump.port);
    const vmcIn = await harness.vmcIn(room);
    await waitFor(() => out.client.connected && vmcIn.client.connected, 'both bridges to join');

    const random = seededRandom(2024);
    const sent = Array.from({ length: CYCLES }, (_, i) => randomCycle(i, random));
    await playVmc('127.0.0.1', vmcIn.port, 20, sent.map((c) => c.messages)).done;
    await waitFor(() => out.stats.framesSent >= vmcIn.published && dumpedCycles(dump.messages).length >= out.stats.framesSent, 'every published frame at oscdump');

    let worstDeg = 0;
    let worstWeight = 0;
    const matched = new Set<number>();
    for (const cycle of dumpedCycles(dump.messages)) {
      const weights = Object.fromEntries(cycle.filter((m) => m.address === '/VMC/Ext/Blend/Val').map((m) => [m.args[0], m.args[1] as number]));
      const index = readMarker(weights.browInnerUp, weights.cheekPuff);
      const source = sent[index];
      expect(source, `cycle ${index}`).toBeDefined();
      matched.add(index);
      const rotations = Object.fromEntries(cycle.filter((m) => m.address === '/VMC/Ext/Bone/Pos').map((m) => [m.args[0], m.args.slice(4) as number[]]));
      // A RigFrame holds the head as one rotation from the neck's rest: neck · head comes back, split as the avatar page splits it.
      const angle = (a: ArrayLike<number>, b: ArrayLike<number>) => quatAngleBetween(a, b) / DEG;
      worstDeg = Math.max(
        worstDeg,
        angle(quatMultiply([0, 0, 0, 1], rotations.Neck, rotations.Head), quatMultiply([0, 0, 0, 1], source.rotations.Neck, source.rotations.Head)),
        angle(rotations.LeftEye, source.rotations.LeftEye),
        angle(rotations.RightEye, source.rotations.RightEye),
        ...BODY_BONES.map((bone) => angle(rotations[bone], source.rotations[bone])),
      );
      for (const [name, value] of Object.entries(source.weights)) worstWeight = Math.max(worstWeight, Math.abs(weights[name] - value));
    }
    console.log(`round trip: ${matched.size}/${CYCLES} cycles back (${vmcIn.published} published); worst rotation ${worstDeg.toFixed(4)}°, worst weight ${worstWeight.toFixed(5)} (1/255 = ${(1 / 255).toFixed(5)})`);
    expect(matched.size).toBeGreaterThanOrEqual(CYCLES * 0.9);
    expect(worstDeg).toBeLessThanOrEqual(0.1);
    expect(worstWeight).toBeLessThanOrEqual(1 / WEIGHT_STEPS);
  });
});
