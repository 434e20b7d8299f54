import { describe, expect, it } from 'vitest';
import { MAX_DATAGRAM_BYTES, OscBundleWriter, OscDropReason, OscNameTable, OscPacketReader, oscString, oscTypeTags, type OscMessage } from '../index';

/** Bytes from a hex string with spaces. */
function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
}

/** What a reader delivers, as plain values: address, tags and each argument read by its tag. */
function readAll(bytes: Uint8Array): { dropped: OscDropReason | null; messages: { address: string; tags: string; args: (string | number)[] }[] } {
  const reader = new OscPacketReader();
  const messages: { address: string; tags: string; args: (string | number)[] }[] = [];
  const any = new OscNameTable([]);
  const decoder = new TextDecoder();
  const dropped = reader.read(bytes, (m: OscMessage) => {
    const tags = decoder.decode(m.bytes.subarray(m.tagsStart, m.tagsEnd));
    const args: (string | number)[] = [];
    for (const tag of tags) {
      if (tag === 'f') {
        const one = [0];
        m.readFloats(one, 0, 1);
        args.push(one[0]);
      }
      else if (tag === 'i') args.push(m.readInt());
      else if (tag === 's') {
        m.readName(any);
        args.push(decoder.decode(m.bytes.subarray(m.stringStart, m.stringEnd)));
      }
    }
    messages.push({ address: decoder.decode(m.bytes.subarray(m.addressStart, m.addressEnd)), tags, args });
  });
  return { dropped, messages };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function int32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, value);
  return bytes;
}

function bundle(...elements: Uint8Array[]): Uint8Array {
  return concat(oscString('#bundle'), hex('00000000 00000001'), ...elements.flatMap((e) => [int32(e.length), e]));
}

// The OSC 1.0 specification's own example: "/oscillator/4/frequency" ",f" 440.0.
const SPEC_EXAMPLE = hex('2f6f7363 696c6c61 746f722f 342f6672 65717565 6e637900 2c660000 43dc0000');

describe('OscPacketReader', () => {
  it('reads the OSC specification\'s example message', () => {
    expect(readAll(SPEC_EXAMPLE)).toEqual({ dropped: null, messages: [{ address: '/oscillator/4/frequency', tags: 'f', args: [440] }] });
  });

  it('reads bundles, nested bundles, a message without type tags, and skips every standard argument type', () => {
    const blob = concat(int32(3), hex('01020300'));
    const allTypes = concat(oscString('/all'), oscString(',ifsShtdcrmTFNI[]b'),
      int32(-7), hex('3fc00000'), oscString('hi'), oscString('sym'), hex('00000000 00000001'), hex('00000000 00000002'), hex('3ff00000 00000000'),
      int32(65), int32(0), int32(0), blob);
    const inner = bundle(concat(oscString('/inner'), oscString(',s'), oscString('x')));
    const { dropped, messages } = readAll(bundle(SPEC_EXAMPLE, allTypes, inner, oscString('/bare')));
    expect(dropped).toBeNull();
    expect(messages.map((m) => m.address)).toEqual(['/oscillator/4/frequency', '/all', '/inner', '/bare']);
    expect(messages[1].args).toEqual([-7, 1.5, 'hi']);
    expect(messages[2].args).toEqual(['x']);
    expect(messages[3].tags).toBe('');
  });

  it('reads what OscBundleWriter writes, across as many bundles as it takes', () => {
    const writer = new OscBundleWriter(200);
    const address = oscString('/VMC/Ext/Blend/Val');
    const tags = oscString(',sf');
    writer.begin();
    for (let i = 0; i < 20; i++) {
      const name = oscString(`shape${i}`);
      writer.message(address, tags, name.length + 4).string(name).float(i);
    }
    const count = writer.finish();
    expect(count).toBeGreaterThan(4);
    const values: (string | number)[][] = [];
    for (let d = 0; d < count; d++) {
      expect(writer.datagramLength(d)).toBeLessThanOrEqual(200);
      const { dropped, messages } = readAll(writer.datagram(d).slice(0, writer.datagramLength(d)));
      expect(dropped).toBeNull();
      for (const m of messages) values.push(m.args);
    }
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => [`shape${i}`, i]));
  });

  it('matches addresses, names and type tags exactly, byte for byte', () => {
    const table = new OscNameTable(['/VMC/Ext/T', 'Head', 'A']);
    const reader = new OscPacketReader();
    const seen: number[] = [];
    const message = concat(oscString('/VMC/Ext/T'), oscString(',sf'), oscString('a'), hex('3f800000'));
    reader.read(message, (m) => {
      seen.push(m.address(table), m.readName(table));
      expect(m.hasTags(oscTypeTags('sf'))).toBe(true);
      expect(m.hasTags(oscTypeTags('s'))).toBe(false);
      expect(m.hasTags(oscTypeTags('sff'))).toBe(false);
    });
    expect(seen).toEqual([0, -1]); // 'a' is not 'A'
  });

  const valid = bundle(concat(oscString('/VMC/Ext/Bone/Pos'), oscString(',sfffffff'), oscString('Head'), new Uint8Array(28)), concat(oscString('/VMC/Ext/Blend/Apply'), oscString(',')));
  it.each([
    ['an empty datagram', new Uint8Array(0), OscDropReason.Truncated],
    ['a datagram over the limit', concat(oscString('/x'), oscString(',b'), int32(MAX_DATAGRAM_BYTES), new Uint8Array(MAX_DATAGRAM_BYTES)), OscDropReason.Oversized],
    ['a bundle cut inside an element', valid.subarray(0, valid.length - 4), OscDropReason.Truncated],
    ['a bundle cut inside its header', valid.subarray(0, 12), OscDropReason.Truncated],
    ['an element size beyond the end', bundle(SPEC_EXAMPLE).map((b, i) => (i === 19 ? 200 : b)), OscDropReason.Truncated],
    ['an element size not a multiple of 4', bundle(SPEC_EXAMPLE).map((b, i) => (i === 19 ? 30 : b)), OscDropReason.Malformed],
    ['a zero element size', concat(bundle(), int32(0)), OscDropReason.Malformed],
    ['neither a message nor a bundle', concat(oscString('hello'), oscString(',f'), hex('3f800000')), OscDropReason.Malformed],
    ['"#bundl" misspelt', concat(oscString('#bundx'), hex('00000000 00000001')), OscDropReason.Malformed],
    ['an address without a NUL', hex('2f616263'), OscDropReason.Truncated],
    ['padding that is not NUL', hex('2f610001 2c000000'), OscDropReason.Malformed],
    ['type tags without their comma', concat(oscString('/a'), oscString('f'), hex('3f800000')), OscDropReason.Malformed],
    ['an unknown type tag', concat(oscString('/a'), oscString(',Q'), hex('3f800000')), OscDropReason.Malformed],
    ['a float cut short', concat(oscString('/a'), oscString(',ff'), hex('3f800000')), OscDropReason.Truncated],
    ['bytes after the last argument', concat(oscString('/a'), oscString(',f'), hex('3f800000 00000000')), OscDropReason.Malformed],
    ['a string argument without its NUL', concat(oscString('/a'), oscString(',s'), hex('41424344')), OscDropReason.Truncated],
    ['a negative blob size', concat(oscString('/a'), oscString(',b'), int32(-4)), OscDropReason.Malformed],
    ['bundles nested nine deep', Array.from({ length: 9 }).reduce<Uint8Array>((inner) => bundle(inner), SPEC_EXAMPLE), OscDropReason.Malformed],
  ])('drops %s whole', (_name, bytes, reason) => {
    const { dropped, messages } = readAll(bytes);
    expect(dropped).toBe(reason);
    expect(messages).toEqual([]);
  });

  it('delivers nothing from a bundle whose last element is bad, not even the good ones before it', () => {
    const bad = bundle(SPEC_EXAMPLE, SPEC_EXAMPLE, concat(oscString('/a'), oscString(',f')));
    expect(readAll(bad)).toEqual({ dropped: OscDropReason.Truncated, messages: [] });
  });

  it('never throws on 20,000 random or mutated datagrams, and only ever delivers whole messages', () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const reader = new OscPacketReader();
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        bytes = Uint8Array.from({ length: Math.floor(random() * 120) }, () => Math.floor(random() * 256));
        if (bytes.length > 0 && i % 4 === 0) bytes[0] = random() < 0.5 ? 0x2f : 0x23;
      } else {
        bytes = valid.slice(0, Math.floor(random() * (valid.length + 1)));
        for (let k = 0; k < 3; k++) if (bytes.length) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      const result = reader.read(bytes, (m) => {
        expect(m.end).toBeLessThanOrEqual(bytes.length);
        expect(m.bytes[m.addressStart]).toBe(0x2f);
      });
      counts[String(result)] = (counts[String(result)] ?? 0) + 1;
    }
    expect(counts.truncated).toBeGreaterThan(100);
    expect(counts.malformed).toBeGreaterThan(100);
  });
});
