import { DEG, quatAngleBetween, quatMultiply } from '@rigcast/math';
import '@rigcast/math/testing';
import {
  ARKIT_BLENDSHAPE_NAMES,
  BODY_PART_NAMES,
  HUMANOID_BONE_NAMES,
  NECK_SHARE,
  RIG_EXPRESSION_NAMES,
  createEmptyBody,
  createNeutralFrame,
  type RigFrame,
} from '@rigcast/protocol';
import { describe, expect, it } from 'vitest';
import { VmcFrameAssembler } from '../../in/VmcFrameAssembler';
import { MAX_BUNDLE_BYTES, OscNameTable, OscPacketReader } from '../../osc';
import { axisAngle } from '../../tests/support/vmcCycles';
import { ArkitNameCase } from '../../vmc/VmcBlendName';
import { VmcFrameWriter } from '../VmcFrameWriter';

/** A frame with a turned head, every weight set, gaze, and all 55 bones. */
function fullFrame(): RigFrame {
  const frame = createNeutralFrame(7, 1234);
  const face = frame.face!;
  face.head = axisAngle([0.3, 1, 0.2], 40);
  ARKIT_BLENDSHAPE_NAMES.forEach((name, i) => (face.blendshapes[name] = (i + 1) / 60));
  RIG_EXPRESSION_NAMES.forEach((name, i) => (face.expressions[name] = (i + 1) / 20));
  face.gaze = { left: { yaw: 0.2, pitch: 0.1 }, right: { yaw: 0.15, pitch: 0.1 } };
  frame.body = createEmptyBody();
  HUMANOID_BONE_NAMES.forEach((name, i) => {
    frame.body!.bones[name] = axisAngle([0, 0.6, 0.8], i - 27);
  });
  for (const part of BODY_PART_NAMES) frame.body.confidence[part] = 1;
  return frame;
}

interface Seen {
  address: string;
  tags: string;
  name?: string;
}

function messagesOf(writer: VmcFrameWriter, count: number): { seen: Seen[]; sizes: number[] } {
  const reader = new OscPacketReader();
  const decoder = new TextDecoder();
  const any = new OscNameTable([]);
  const seen: Seen[] = [];
  const sizes: number[] = [];
  for (let d = 0; d < count; d++) {
    sizes.push(writer.datagramLength(d));
    const dropped = reader.read(writer.datagram(d).subarray(0, writer.datagramLength(d)), (m) => {
      const tags = decoder.decode(m.bytes.subarray(m.tagsStart, m.tagsEnd));
      const entry: Seen = { address: decoder.decode(m.bytes.subarray(m.addressStart, m.addressEnd)), tags };
      if (tags[0] === 's') {
        m.readName(any);
        entry.name = decoder.decode(m.bytes.subarray(m.stringStart, m.stringEnd));
      }
      seen.push(entry);
    });
    expect(dropped).toBeNull();
  }
  return { seen, sizes };
}

describe('VmcFrameWriter', () => {
  it('writes a full frame as bundles of at most 1,472 bytes: root, 55 bones, 65 blendshapes, Apply after them, OK and T', () => {
    const writer = new VmcFrameWriter();
    const count = writer.write(fullFrame(), 1.5);
    const { seen, sizes } = messagesOf(writer, count);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    const addresses = seen.map((m) => m.address);
    expect(addresses[0]).toBe('/VMC/Ext/Root/Pos');
    expect(addresses.filter((a) => a === '/VMC/Ext/Bone/Pos')).toHaveLength(55);
    expect(addresses.filter((a) => a === '/VMC/Ext/Blend/Val')).toHaveLength(65);
    expect(addresses.slice(-3)).toEqual(['/VMC/Ext/Blend/Apply', '/VMC/Ext/OK', '/VMC/Ext/T']);
    expect(addresses.lastIndexOf('/VMC/Ext/Blend/Val')).toBeLessThan(addresses.indexOf('/VMC/Ext/Blend/Apply'));
    for (const m of seen.filter((m) => m.address.endsWith('/Pos'))) expect(m.tags).toBe('sfffffff');
    for (const m of seen.filter((m) => m.address.endsWith('/Val'))) expect(m.tags).toBe('sf');
    expect(seen.find((m) => m.address === '/VMC/Ext/OK')!.tags).toBe('iiii');
    expect(seen.find((m) => m.address === '/VMC/Ext/T')!.tags).toBe('f');
    const names = seen.filter((m) => m.address.endsWith('/Val')).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['A', 'I', 'U', 'E', 'O', 'Blink', 'Blink_L', 'Blink_R', 'Joy', 'Angry', 'Sorrow', 'Fun', 'Surprised', 'jawOpen', 'tongueOut']));
    expect(seen.filter((m) => m.name === 'LeftThumbIntermediate')).toHaveLength(1);
  });

  it('spells ARKit names with a capital first letter when asked', () => {
    const writer = new VmcFrameWriter({ arkitNames: ArkitNameCase.Pascal });
    const { seen } = messagesOf(writer, writer.write(createNeutralFrame(), 0));
    const names = seen.map((m) => m.name);
    expect(names).toContain('JawOpen');
    expect(names).not.toContain('jawOpen');
  });

  it('splits the head across Neck and Head as the avatar page does, and a VmcFrameAssembler reads the frame back', () => {
    const frame = fullFrame();
    const writer = new VmcFrameWriter();
    const count = writer.write(frame, 0);
    const assembler = new VmcFrameAssembler();
    let back: RigFrame | undefined;
    for (let d = 0; d < count; d++) assembler.receive(writer.datagram(d).slice(0, writer.datagramLength(d)), 100, (f) => (back = structuredClone(f)));
    expect(back).toBeDefined();
    const face = back!.face!;
    // Float32 on the wire: well under a thousandth of a degree.
    expect(quatAngleBetween(face.head, frame.face!.head) / DEG).toBeLessThan(1e-3);
    for (const name of ARKIT_BLENDSHAPE_NAMES) expect(face.blendshapes[name]).toBeCloseTo(frame.face!.blendshapes[name], 6);
    for (const name of RIG_EXPRESSION_NAMES) expect(face.expressions[name]).toBeCloseTo(frame.face!.expressions[name], 6);
    expect(face.gaze.left.yaw).toBeCloseTo(0.2, 5);
    expect(face.gaze.right.pitch).toBeCloseTo(0.1, 5);
    for (const name of HUMANOID_BONE_NAMES) {
      if (['neck', 'head', 'leftEye', 'rightEye'].includes(name)) expect(back!.body!.bones[name]).toBeUndefined();
      else expect(back!.body!.bones[name]).toBeCloseToQuaternion(frame.body!.bones[name]!, 1e-3);
    }
  });

  it('sends Neck with NECK_SHARE of the head\'s turn and Head with the rest, in Unity\'s space, at the default avatar\'s offsets', () => {
    const frame = createNeutralFrame();
    frame.face!.head = axisAngle([0, 1, 0], -30);
    const writer = new VmcFrameWriter();
    const count = writer.write(frame, 0);
    const bones: Record<string, number[]> = {};
    const reader = new OscPacketReader();
    const addresses = new OscNameTable(['/VMC/Ext/Bone/Pos']);
    const names = new OscNameTable(['Neck', 'Head']);
    for (let d = 0; d < count; d++) {
      reader.read(writer.datagram(d).subarray(0, writer.datagramLength(d)), (m) => {
        if (m.address(addresses) !== 0) return;
        const id = m.readName(names);
        const values = [0, 0, 0, 0, 0, 0, 0];
        m.readFloats(values, 0, 7);
        if (id >= 0) bones[['Neck', 'Head'][id]] = values;
      });
    }
    // Turned to the avatar's right: a positive turn about +Y in Unity.
    expect(bones.Neck.slice(3)).toBeCloseToQuaternion(axisAngle([0, 1, 0], 30 * NECK_SHARE), 1e-3);
    expect(bones.Head.slice(3)).toBeCloseToQuaternion(axisAngle([0, 1, 0], 30 * (1 - NECK_SHARE)), 1e-3);
    expect(quatMultiply([0, 0, 0, 1], bones.Neck.slice(3), bones.Head.slice(3))).toBeCloseToQuaternion(axisAngle([0, 1, 0], 30), 1e-3);
    // The default avatar's head sits 6 cm above its neck.
    expect(bones.Head[1]).toBeCloseTo(0.06, 3);
  });
});
