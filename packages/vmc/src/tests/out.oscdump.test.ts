// `out` against an independent receiver: known frames from a publisher go through a real hub to
// the bridge and on to Debian's oscdump, which prints every message with its type tags.
import { createSocket } from 'node:dgram';
import { DEG, quatAngleBetween, quatMultiply, quatRotateVec3 } from '@rigcast/math';
import { NECK_SHARE, WEIGHT_STEPS, createEmptyBody, createNeutralFrame, encodeFrame, type Quat, type RigFrame } from '@rigcast/protocol';
import { io } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeHarness, PUBLISH_KEY } from './support/BridgeHarness';
import { Oscdump, dumpedCycles, requirePeers, waitFor } from './support/peers';
import { axisAngle } from './support/vmcCycles';

const WEIGHT_BOUND = 0.5 / WEIGHT_STEPS + 1e-6;
/** oscdump prints six decimals. */
const PRINTED = 1e-6;

/** In rigcast's space (right-handed, avatar facing +Z, its left at +X). */
function knownFrame(): RigFrame {
  const frame = createNeutralFrame();
  const face = frame.face!;
  face.head = axisAngle([0, 1, 0], -30); // toward −X: the avatar's right
  face.blendshapes.jawOpen = 0.7;
  face.expressions.blinkLeft = 1;
  face.expressions.aa = 0.5;
  face.expressions.happy = 0.25;
  face.gaze = { left: { yaw: 0.1, pitch: 0.05 }, right: { yaw: 0.1, pitch: 0.05 } };
  frame.body = createEmptyBody();
  frame.body.bones.rightUpperArm = axisAngle([0, 0, 1], -90); // from −X up to +Y
  frame.body.bones.leftThumbMetacarpal = axisAngle([0, 1, 0], 20);
  frame.body.confidence.rightArm = 1;
  frame.body.confidence.leftHand = 1;
  return frame;
}

describe('vmc out: publisher → real hub → bridge → oscdump', () => {
  const harness = new BridgeHarness();
  beforeAll(() => requirePeers());
  afterEach(() => harness.cleanup());

  it('sends every bone the frame carries as sfffffff in Unity\'s space, the presets and ARKit weights as sf, then Apply, OK and T, in datagrams of at most 1,500 bytes', async () => {
    await harness.start();
    const room = 'vmc-out';
    const dump = harness.own(await Oscdump.start());
    const bridge = await harness.vmcOut(room, dump.port);
    // A second bridge sends the same to a plain UDP socket, to measure every datagram's size.
    const sizes: number[] = [];
    const sizer = createSocket('udp4');
    sizer.on('message', (datagram) => sizes.push(datagram.length));
    await new Promise<void>((r) => sizer.bind(0, '127.0.0.1', r));
    await harness.vmcOut(room, sizer.address().port);
    const publisher = harness.publisher(room);
    await waitFor(() => bridge.client.connected && publisher.connected, 'the bridge and the publisher to join');

    const frame = knownFrame();
    let seq = 0;
    const timer = setInterval(() => {
      frame.seq = ++seq;
      frame.time = Date.now();
      publisher.send(encodeFrame(frame));
    }, 33);
    try {
      await waitFor(() => dumpedCycles(dump.messages).length >= 5 && sizes.length >= 20, '5 cycles at oscdump');
    } finally {
      clearInterval(timer);
      sizer.close();
    }

    const cycle = dumpedCycles(dump.messages)[2];
    const byAddress = (address: string) => cycle.filter((m) => m.address === address);
    // Addresses and type tags.
    expect(byAddress('/VMC/Ext/Root/Pos').map((m) => [m.tags, ...m.args])).toEqual([['sfffffff', 'root', 0, 0, 0, 0, 0, 0, 1]]);
    const bones = Object.fromEntries(byAddress('/VMC/Ext/Bone/Pos').map((m) => [m.args[0], m]));
    expect(Object.keys(bones).sort()).toEqual(['Head', 'LeftEye', 'LeftThumbProximal', 'Neck', 'RightEye', 'RightUpperArm']);
    for (const m of Object.values(bones)) expect(m.tags).toBe('sfffffff');
    const blends = byAddress('/VMC/Ext/Blend/Val');
    expect(blends).toHaveLength(13 + 52);
    for (const m of blends) expect(m.tags).toBe('sf');
    const order = cycle.map((m) => m.address);
    expect(order.slice(-3)).toEqual(['/VMC/Ext/Blend/Apply', '/VMC/Ext/OK', '/VMC/Ext/T']);
    expect(order.lastIndexOf('/VMC/Ext/Blend/Val')).toBeLessThan(order.indexOf('/VMC/Ext/Blend/Apply'));
    expect(byAddress('/VMC/Ext/Blend/Apply')[0].tags).toBe('');
    expect(byAddress('/VMC/Ext/OK')[0]).toMatchObject({ tags: 'iiii', args: [1, 3, 0, 1] });
    expect(byAddress('/VMC/Ext/T')[0].tags).toBe('f');

    // Values in Unity's space: left-handed, avatar facing +Z, its right at +X.
    const rotation = (name: string) => (bones[name].args.slice(4) as number[]) as Quat;
    const position = (name: string) => bones[name].args.slice(1, 4) as number[];
    const tolerance = 1e-3; // degrees: the codec's 0.006° worst case, then six printed decimals
    // The head turned toward the avatar's right is a positive turn about Unity's +Y, shared 40/60 by neck and head.
    expect(quatAngleBetween(rotation('Neck'), axisAngle([0, 1, 0], 30 * NECK_SHARE)) / DEG).toBeLessThan(0.01 + tolerance);
    expect(quatAngleBetween(quatMultiply([0, 0, 0, 1], rotation('Neck'), rotation('Head')), axisAngle([0, 1, 0], 30)) / DEG).toBeLessThan(0.01 + tolerance);
    expect(quatRotateVec3([0, 0, 0], quatMultiply([0, 0, 0, 1], rotation('Neck'), rotation('Head')), [0, 0, 1])[0]).toBeCloseTo(0.5, 3);
    // The right arm points at Unity's +X in the T-pose; raised, at +Y.
    expect(quatRotateVec3([0, 0, 0], rotation('RightUpperArm'), [1, 0, 0])[1]).toBeCloseTo(1, 3);
    // VRM 1.0's leftThumbMetacarpal is Unity's LeftThumbProximal, and its turn about +Y changes sign.
    expect(quatAngleBetween(rotation('LeftThumbProximal'), axisAngle([0, 1, 0], -20)) / DEG).toBeLessThan(0.01 + tolerance);
    // Gaze yaw > 0 looks toward the avatar's left: Unity's −X; pitch > 0 looks up.
    const eye = quatRotateVec3([0, 0, 0], rotation('LeftEye'), [0, 0, 1]);
    expect(eye[0]).toBeCloseTo(-Math.sin(0.1) * Math.cos(0.05), 3);
    expect(eye[1]).toBeCloseTo(Math.sin(0.05), 3);
    // Positions: the default avatar's offsets, X mirrored. Its right upper arm hangs off the shoulder toward Unity's +X.
    expect(position('RightUpperArm')[0]).toBeCloseTo(0.075, 3);
    expect(position('Head')).toEqual([expect.closeTo(0, 6), expect.closeTo(0.06, 3), expect.closeTo(0.005, 3)]);

    const weight = (name: string) => blends.find((m) => m.args[0] === name)!.args[1] as number;
    expect(Math.abs(weight('jawOpen') - 0.7)).toBeLessThanOrEqual(WEIGHT_BOUND + PRINTED);
    expect(weight('Blink_L')).toBe(1);
    expect(weight('Blink_R')).toBe(0);
    expect(Math.abs(weight('A') - 0.5)).toBeLessThanOrEqual(WEIGHT_BOUND + PRINTED);
    expect(Math.abs(weight('Joy') - 0.25)).toBeLessThanOrEqual(WEIGHT_BOUND + PRINTED);
    expect(weight('Surprised')).toBe(0);

    const largest = Math.max(...sizes);
    console.log(`out: datagrams per cycle ${bridge.stats.datagrams / bridge.stats.framesSent}, sizes ${Math.min(...sizes)}–${largest} B over ${sizes.length} datagrams`);
    expect(largest).toBeLessThanOrEqual(1500);
    expect(bridge.stats.sendErrors).toBe(0);
  });

  it('sends frames that reach it back to back each as its own cycle, in order', async () => {
    await harness.start();
    const room = 'vmc-out-burst';
    const dump = harness.own(await Oscdump.start());
    const bridge = await harness.vmcOut(room, dump.port);
    await waitFor(() => bridge.client.connected, 'the bridge to join');
    // A plain socket.io-client publisher: its emits are not volatile, so all ten leave back to back.
    const publisher = io(harness.hub.url, { transports: ['websocket'], auth: { room, role: 'publisher', key: PUBLISH_KEY }, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => publisher.once('connect', resolve).once('connect_error', reject));
      const frame = createNeutralFrame();
      for (let k = 1; k <= 10; k++) {
        frame.seq = k;
        frame.face!.blendshapes.jawOpen = k / 10;
        publisher.emit('frame', encodeFrame(frame));
      }
      await waitFor(() => dumpedCycles(dump.messages).length >= 10, '10 cycles at oscdump');
    } finally {
      publisher.disconnect();
    }
    const jaw = dumpedCycles(dump.messages).map((c) => c.find((m) => m.args[0] === 'jawOpen')!.args[1] as number);
    expect(jaw.map((v) => Math.round(v * 10))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bridge.stats.framesSkipped).toBe(0);
  });
});
