import { describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES, OscBundleWriter, oscString } from '../index';

const ADDRESS = oscString('/VMC/Ext/T');
const TAGS = oscString(',f');

function bytesOf(writer: OscBundleWriter, index: number): number[] {
  return [...writer.datagram(index).subarray(0, writer.datagramLength(index))];
}

describe('OscBundleWriter', () => {
  it('writes a whole number as a float32, tagged f (never guessed to be an int)', () => {
    const writer = new OscBundleWriter();
    writer.begin().message(ADDRESS, TAGS, 4).float(1);
    expect(writer.finish()).toBe(1);
    const bytes = bytesOf(writer, 0);
    // "#bundle\0", time tag 1 (immediately), element size 20, "/VMC/Ext/T\0\0", ",f\0\0", 1.0f.
    expect(bytes.slice(0, 16)).toEqual([...oscString('#bundle'), 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(bytes.slice(16, 20)).toEqual([0, 0, 0, 20]);
    expect(bytes.slice(32, 36)).toEqual([...TAGS]);
    expect(bytes.slice(36)).toEqual([0x3f, 0x80, 0, 0]);
  });

  it('keeps every bundle within the limit (1,472 bytes by default) and reuses its buffers', () => {
    expect(MAX_BUNDLE_BYTES).toBeLessThanOrEqual(1500);
    const writer = new OscBundleWriter();
    const fill = () => {
      writer.begin();
      for (let i = 0; i < 100; i++) writer.message(ADDRESS, TAGS, 4).float(i);
      return writer.finish();
    };
    const count = fill();
    const first = writer.datagram(0);
    for (let i = 0; i < count; i++) expect(writer.datagramLength(i)).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    expect(count).toBe(Math.ceil(100 / Math.floor((MAX_BUNDLE_BYTES - 16) / 20)));
    expect(fill()).toBe(count);
    expect(writer.datagram(0)).toBe(first);
  });

  it('refuses a message that cannot fit a bundle, and one whose arguments were not all written', () => {
    const writer = new OscBundleWriter(64);
    expect(() => writer.begin().message(ADDRESS, TAGS, 64)).toThrow(/does not fit/);
    writer.begin().message(ADDRESS, TAGS, 8).float(1);
    expect(() => writer.finish()).toThrow(/more argument bytes/);
  });

  it('writes nothing for a cycle with no messages', () => {
    expect(new OscBundleWriter().begin().finish()).toBe(0);
  });
});
