import { OscBundleWriter, oscString } from '../../osc';

/** One VMC message for a test: an address and its arguments, each with its OSC type. */
export interface TestMessage {
  address: string;
  args: ({ s: string } | { f: number } | { i: number })[];
}

/** `/VMC/Ext/Bone/Pos name 0 0 0 qx qy qz qw`. */
export function bonePos(name: string, q: ArrayLike<number>, p: ArrayLike<number> = [0, 0, 0]): TestMessage {
  return { address: '/VMC/Ext/Bone/Pos', args: [{ s: name }, { f: p[0] }, { f: p[1] }, { f: p[2] }, { f: q[0] }, { f: q[1] }, { f: q[2] }, { f: q[3] }] };
}

/** `/VMC/Ext/Blend/Val name value`. */
export function blendVal(name: string, value: number): TestMessage {
  return { address: '/VMC/Ext/Blend/Val', args: [{ s: name }, { f: value }] };
}

/** `/VMC/Ext/Blend/Apply`. */
export const APPLY: TestMessage = { address: '/VMC/Ext/Blend/Apply', args: [] };

/** The messages as bundles of at most `maxBytes`, each datagram its own copy. */
export function bundles(messages: TestMessage[], maxBytes = 1472): Uint8Array[] {
  const writer = new OscBundleWriter(maxBytes).begin();
  for (const m of messages) {
    const tags = oscString(`,${m.args.map((a) => ('s' in a ? 's' : 'f' in a ? 'f' : 'i')).join('')}`);
    const strings = m.args.map((a) => ('s' in a ? oscString(a.s) : null));
    const size = m.args.reduce((n, _arg, k) => n + (strings[k]?.length ?? 4), 0);
    writer.message(oscString(m.address), tags, size);
    m.args.forEach((a, k) => {
      if ('s' in a) writer.string(strings[k]!);
      else if ('f' in a) writer.float(a.f);
      else writer.int(a.i);
    });
  }
  const count = writer.finish();
  return Array.from({ length: count }, (_, i) => writer.datagram(i).slice(0, writer.datagramLength(i)));
}
