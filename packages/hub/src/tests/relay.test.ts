import { decodeFrame, RejectReason, type RejectedInfo } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { HubHarness, asUint8, connected, frameBytes, nextEvent, rtt, waitUntil } from './support/HubHarness.js';

const harness = new HubHarness();
afterEach(() => harness.cleanup());

describe('frame relay', () => {
  it('relays a publisher’s frames to 3 viewers byte-identical and in order', async () => {
    const hub = await harness.hub();
    const viewers = await Promise.all([1, 2, 3].map(() => harness.connect(hub, { room: 'studio', role: 'viewer' })));
    const received: Uint8Array[][] = viewers.map(() => []);
    viewers.forEach((viewer, i) => viewer.on('frame', (bytes) => received[i].push(asUint8(bytes))));
    const publisher = await harness.connect(hub, { room: 'studio', role: 'publisher', key: hub.publishKey });

    const sent = Array.from({ length: 60 }, (_, seq) => frameBytes(seq));
    for (const bytes of sent) {
      publisher.emit('frame', bytes);
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitUntil(() => received.every((list) => list.length >= sent.length), 5000, 'all frames at all viewers');
    for (const list of received) {
      expect(list.length).toBe(sent.length);
      list.forEach((bytes, i) => expect(Buffer.from(bytes).equals(Buffer.from(sent[i]))).toBe(true));
    }
  });

  it('sends the latest frame to a late joiner at once, and nothing to a joiner of an empty room', async () => {
    const hub = await harness.hub();
    const publisher = await harness.connect(hub, { room: 'late', role: 'publisher', key: hub.publishKey });
    for (let seq = 1; seq <= 5; seq++) publisher.emit('frame', frameBytes(seq));
    await rtt(publisher);

    const late = harness.client(hub, { room: 'late', role: 'viewer' });
    const first = nextEvent<Uint8Array>(late, 'frame', 2000);
    late.connect();
    expect(decodeFrame(asUint8(await first)).seq).toBe(5);

    const elsewhere = await harness.connect(hub, { room: 'empty', role: 'viewer' });
    await expect(nextEvent(elsewhere, 'frame', 300)).rejects.toThrow(/no frame event/);
  });

  it('refuses frames from viewers with not-publisher and relays nothing', async () => {
    const hub = await harness.hub();
    const sneaky = await harness.connect(hub, { room: 'r1', role: 'viewer' });
    const watcher = await harness.connect(hub, { room: 'r1', role: 'viewer' });
    let watcherFrames = 0;
    watcher.on('frame', () => watcherFrames++);
    const rejected = nextEvent<RejectedInfo>(sneaky, 'rejected');
    sneaky.emit('frame', frameBytes(1));
    const info = await rejected;
    expect(info.reason).toBe(RejectReason.NotPublisher);
    expect(info.message).toMatch(/viewer/);
    await rtt(watcher);
    expect(watcherFrames).toBe(0);
  });

  it('refuses invalid frames with the decoder’s reason and keeps the last valid one as latest', async () => {
    const hub = await harness.hub();
    const publisher = await harness.connect(hub, { room: 'r2', role: 'publisher', key: hub.publishKey });
    publisher.emit('frame', frameBytes(7));
    const truncated = frameBytes(8).slice(0, 20);
    const rejected = nextEvent<RejectedInfo>(publisher, 'rejected');
    publisher.emit('frame', truncated);
    expect((await rejected).reason).toBe('truncated');

    const text = nextEvent<RejectedInfo>(publisher, 'rejected');
    publisher.emit('frame', 'not bytes' as never);
    expect((await text).reason).toBe('not-binary');

    const viewer = harness.client(hub, { room: 'r2', role: 'viewer' });
    const first = nextEvent<Uint8Array>(viewer, 'frame');
    viewer.connect();
    expect(decodeFrame(asUint8(await first)).seq).toBe(7);
  });

  it('lets two publishers share a room (last frame wins) and never sends frames to publishers', async () => {
    const hub = await harness.hub();
    const a = await harness.connect(hub, { room: 'duo', role: 'publisher', key: hub.publishKey });
    const b = await harness.connect(hub, { room: 'duo', role: 'publisher', key: hub.publishKey });
    const viewer = await harness.connect(hub, { room: 'duo', role: 'viewer' });
    const seen: number[] = [];
    viewer.on('frame', (bytes) => seen.push(decodeFrame(asUint8(bytes)).seq));
    let publisherFrames = 0;
    a.on('frame', () => publisherFrames++);
    b.on('frame', () => publisherFrames++);
    a.emit('frame', frameBytes(100));
    await rtt(a);
    b.emit('frame', frameBytes(200));
    await rtt(b);
    await waitUntil(() => seen.length === 2, 2000, 'two frames');
    expect(seen).toEqual([100, 200]);
    expect(publisherFrames).toBe(0);
  });

  it('answers rtt with the hub clock', async () => {
    const hub = await harness.hub();
    const viewer = await harness.connect(hub, { room: 'r3', role: 'viewer' });
    const before = Date.now();
    const hubTime = await rtt(viewer);
    expect(hubTime).toBeGreaterThanOrEqual(before - 1000);
    expect(hubTime).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("tells the room's publishers how many viewers watch, on joining and as it changes; viewers never get it", async () => {
    const hub = await harness.hub();
    const publisher = harness.client(hub, { room: 'count', role: 'publisher', key: hub.publishKey });
    const counts: number[] = [];
    publisher.on('viewers', (info) => counts.push(info.viewers));
    await connected(publisher);
    await waitUntil(() => counts.length === 1, 2000, 'the count on joining');
    expect(counts).toEqual([0]);
    const viewers = [];
    for (let i = 0; i < 3; i++) viewers.push(await harness.connect(hub, { room: 'count', role: 'viewer' }));
    let viewerNotices = 0;
    for (const viewer of viewers) viewer.on('viewers', () => viewerNotices++);
    await harness.connect(hub, { room: 'elsewhere', role: 'viewer' });
    await waitUntil(() => counts.at(-1) === 3, 2000, 'a count of 3');
    viewers[0].disconnect();
    await waitUntil(() => counts.at(-1) === 2, 2000, 'a count of 2');
    // A crowd joining is one notice, not one per viewer.
    expect(counts.length).toBeLessThanOrEqual(4);
    expect(viewerNotices).toBe(0);
  });
});
