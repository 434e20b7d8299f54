import { ClientRole, RejectReason, createNeutralFrame, encodeFrame, FrameDecodeReason } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { RejectedNotice } from '../HubClientOptions';
import { ClientHarness, waitFor } from './support/ClientHarness';

const harness = new ClientHarness();
afterEach(() => harness.cleanup());

describe('HubClient: what the hub says about this client', () => {
  it('a publisher that sends garbage gets the hub\'s rejected reason and message, counted and timed', async () => {
    const hub = await harness.hub({ publishKey: 'k' });
    const notices: RejectedNotice[] = [];
    let changes = 0;
    const publisher = harness.client(hub, { room: 'main', role: ClientRole.Publisher, key: 'k' }, {
      onRejected: (notice) => notices.push(notice),
      onChange: () => changes++,
    });
    await waitFor(() => publisher.connected, 'the connection');
    expect(publisher.lastRejected).toBeNull();
    const before = Date.now();
    expect(publisher.send(new Uint8Array([99, 0, 0]))).toBe(true);
    await waitFor(() => publisher.rejectedCount === 1, 'the first notice');
    expect(publisher.send(new Uint8Array([1]))).toBe(true);
    await waitFor(() => publisher.rejectedCount === 2, 'the second notice');
    expect(notices.map((notice) => notice.reason)).toEqual([FrameDecodeReason.Truncated, FrameDecodeReason.Truncated]);
    const last = publisher.lastRejected!;
    expect(last).toBe(notices[1]);
    expect(last.message).toMatch(/^truncated: .*; the frame was not relayed\. Send bytes made by encodeFrame\(\)\.$/);
    expect(last.time).toBeGreaterThanOrEqual(before);
    expect(last.time).toBeLessThanOrEqual(Date.now());
    expect(changes).toBeGreaterThanOrEqual(2);

    const wrongVersion = encodeFrame(createNeutralFrame(1, 1));
    wrongVersion[0] = 200;
    expect(publisher.send(wrongVersion)).toBe(true);
    await waitFor(() => publisher.rejectedCount === 3, 'the third notice');
    expect(publisher.lastRejected).toMatchObject({ reason: FrameDecodeReason.UnknownVersion, message: expect.stringMatching(/^unknown-version: version 200/) });
    // A valid frame is not rejected.
    expect(publisher.send(encodeFrame(createNeutralFrame(2, 2)))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(publisher.rejectedCount).toBe(3);
    expect(publisher.framesSent).toBe(4);
  });

  it('a viewer that sends a frame gets not-publisher', async () => {
    const hub = await harness.hub();
    const viewer = harness.client(hub, { room: 'main', role: ClientRole.Viewer });
    await waitFor(() => viewer.connected, 'the connection');
    viewer.send(encodeFrame(createNeutralFrame(1, 1)));
    await waitFor(() => viewer.lastRejected !== null, 'the notice');
    expect(viewer.lastRejected).toMatchObject({ reason: RejectReason.NotPublisher, message: expect.stringMatching(/^not-publisher: this connection joined as a viewer/) });
    expect(viewer.rejectedCount).toBe(1);
  });

  it('measures the round-trip time once connected, and forgets it when the hub goes', async () => {
    const hub = await harness.hub();
    const viewer = harness.client(hub, { room: 'main', role: ClientRole.Viewer }, {});
    expect(viewer.rttMs).toBeNaN();
    await waitFor(() => Number.isFinite(viewer.rttMs), 'an RTT');
    expect(viewer.rttMs).toBeGreaterThan(0);
    expect(viewer.rttMs).toBeLessThan(1000);
    await hub.close();
    await waitFor(() => !viewer.connected, 'the loss');
    expect(viewer.rttMs).toBeNaN();
  });

  it('probes the RTT every interval while connected', async () => {
    const hub = await harness.hub();
    const rtts: number[] = [];
    const viewer = harness.client(hub, { room: 'main', role: ClientRole.Viewer, rttIntervalMs: 50 }, {
      onChange: () => {
        if (Number.isFinite(viewer.rttMs)) rtts.push(viewer.rttMs);
      },
    });
    await waitFor(() => rtts.length >= 5, 'five RTT measurements', 2000);
    for (const rtt of rtts) expect(rtt).toBeGreaterThan(0);
  });
});
