import { ClientRole, createNeutralFrame, decodeFrame, encodeFrame } from '@rigcast/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientHarness, waitFor } from './support/ClientHarness';

const harness = new ClientHarness();
afterEach(() => harness.cleanup());

describe('HubClient.send', () => {
  it('sends frames to the room\'s viewers and counts only the frames that went out', async () => {
    const hub = await harness.hub({ publishKey: 'k' });
    const seqs: number[] = [];
    const viewer = harness.client(hub, { room: 'main', role: ClientRole.Viewer }, { onFrame: (bytes) => seqs.push(decodeFrame(new Uint8Array(bytes)).seq) });
    const publisher = harness.client(hub, { room: 'main', role: ClientRole.Publisher, key: 'k' });
    await waitFor(() => viewer.connected && publisher.connected, 'both clients');

    expect(publisher.send(encodeFrame(createNeutralFrame(1, 1)))).toBe(true);
    // Same tick: the first frame is still being written, so this one is dropped rather than queued.
    expect(publisher.send(encodeFrame(createNeutralFrame(2, 2)))).toBe(false);
    await waitFor(() => seqs.length === 1, 'the first frame');
    expect(publisher.send(encodeFrame(createNeutralFrame(3, 3)))).toBe(true);
    await waitFor(() => seqs.length === 2, 'the third frame');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seqs).toEqual([1, 3]);
    expect(publisher.framesSent).toBe(2);
  });
});
