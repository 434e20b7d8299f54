import { afterEach, describe, expect, it } from 'vitest';
import { HubNode } from '../../scripts/cluster/HubNode.js';
import { PUBLISH_KEY } from './support/Cluster.js';
import { firstSentAfter } from './support/faults.js';
import { PublisherProbe, ViewerProbe, waitFor } from './support/Probes.js';

/** The bound: after a single hub restarts, the tracker's and the avatar's clients resume within this. */
const RESUME_MS = 3000;

let node: HubNode | undefined;
const clients: { close(): void }[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await node?.stop();
  node = undefined;
});

describe('a single hub (no Redis) restarts', () => {
  it("the tracker's and the avatar's client (HubClient, default retry policy) resume within 3 s of the hub listening again", async () => {
    node = await HubNode.start({ publishKey: PUBLISH_KEY });
    const viewer = new ViewerProbe(node.url, 'main');
    const pub = new PublisherProbe(node.url, 'main');
    clients.push(viewer, pub);
    await waitFor(() => viewer.client.connected && pub.client.connected, 'both clients');
    pub.start(60);
    await waitFor(() => viewer.frames.length >= 30, 'frames');

    const stoppedAt = performance.now();
    await node.stop();
    await node.restart();
    const listeningAt = performance.now();
    await waitFor(() => firstSentAfter(viewer, pub, listeningAt) !== undefined, 'frames through the restarted hub', 15_000);
    pub.stop();
    const resumedMs = firstSentAfter(viewer, pub, listeningAt)!.at - listeningAt;
    console.log(`single hub restart: down ${(listeningAt - stoppedAt).toFixed(0)} ms; frames reached the viewer again ${resumedMs.toFixed(0)} ms after the hub listened`);
    expect([viewer.client.joins, pub.client.joins]).toEqual([2, 2]);
    expect(resumedMs).toBeLessThan(RESUME_MS);
  });
});
