import { FRAME_FORMAT_VERSION, decodeFrame } from '@rigcast/protocol';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, metricValue } from './support/Cluster.js';
import { PublisherProbe, ViewerProbe, sleep, testFrame, waitFor } from './support/Probes.js';

const NODES = 3;
const VIEWERS = 9;
const FRAMES = 120;
/** The envelope of a rigcast message in Redis: version byte, 8-byte node id, then the frame. */
const ENVELOPE_VERSION = 1;
const NODE_ID_BYTES = 8;

let cluster: Cluster;
let redis: Redis;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  cluster = await Cluster.start({ nodes: NODES });
  redis = new Redis(cluster.redis.url);
});

afterAll(async () => {
  for (const client of clients.splice(0)) client.close();
  redis?.disconnect();
  await cluster?.stop();
});

function viewer(url: string, room: string): ViewerProbe {
  const probe = new ViewerProbe(url, room);
  clients.push(probe);
  return probe;
}

function publisher(url: string, room: string): PublisherProbe {
  const probe = new PublisherProbe(url, room);
  clients.push(probe);
  return probe;
}

/** Viewers connected one after another through nginx (least_conn spreads them over the nodes). */
async function viewersThroughNginx(room: string, count: number): Promise<ViewerProbe[]> {
  const probes: ViewerProbe[] = [];
  for (let i = 0; i < count; i++) {
    const probe = viewer(cluster.url, room);
    await waitFor(() => probe.client.connected, `viewer ${i} to connect`);
    probes.push(probe);
  }
  return probes;
}

async function publishCalls(): Promise<number> {
  const stats = await redis.info('commandstats');
  return Number(/cmdstat_publish:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

function envelope(frame: Uint8Array, nodeId = Buffer.alloc(NODE_ID_BYTES, 0xab)): Buffer {
  return Buffer.concat([Buffer.from([ENVELOPE_VERSION]), nodeId, frame]);
}

describe('three hub nodes on Redis behind nginx', () => {
  it('every reading viewer on every node gets every frame, in order and byte-identical, with one Redis message per frame', async () => {
    const viewers = await viewersThroughNginx('stage', VIEWERS);
    const spread = await cluster.connectionsByNode();
    expect(spread.map((n) => n.viewers)).toEqual([3, 3, 3]);

    const pub = publisher(cluster.url, 'stage');
    await waitFor(() => pub.client.connected, 'the publisher to connect');
    const publishesBefore = await publishCalls();
    pub.start(60);
    await waitFor(() => pub.sent.size >= FRAMES, `${FRAMES} frames sent`);
    pub.stop();
    const last = pub.seq;
    await waitFor(() => viewers.every((v) => v.frames.at(-1)?.seq === last), 'every viewer to have the last frame');

    const sent = pub.sentSeqs;
    expect(sent).toHaveLength(FRAMES);
    for (const v of viewers) {
      expect(v.seqs).toEqual(sent);
      for (const frame of v.frames) expect(frame.bytes.equals(Buffer.from(pub.sent.get(frame.seq)!))).toBe(true);
    }
    // One PUBLISH per frame for the room, whatever the number of viewers and nodes.
    expect((await publishCalls()) - publishesBefore).toBe(FRAMES);

    // The publisher sees the room's viewers on all nodes, and so does every node's /metrics.
    await waitFor(() => pub.client.viewers === VIEWERS, `the publisher to count ${VIEWERS} viewers (has ${pub.client.viewers})`);
    for (const node of cluster.nodes) expect(metricValue(await node.metrics(), 'rigcast_room_viewers', { room: 'stage' })).toBe(VIEWERS);
  });

  it('a late joiner on any node gets the latest frame first, at once, then the next ones in order', async () => {
    const pub = publisher(cluster.url, 'late');
    await waitFor(() => pub.client.connected, 'the publisher to connect');
    for (let i = 0; i < 5; i++) {
      pub.sendOne();
      await sleep(20);
    }
    const latest = Buffer.from(pub.sent.get(pub.seq)!);
    await sleep(100);
    // One late joiner straight on each node: two of them have no viewer in the room yet, so
    // they subscribe and read the latest frame from Redis.
    const late = cluster.nodes.map((node) => viewer(node.url, 'late'));
    await waitFor(() => late.every((v) => v.frames.length > 0), 'every late joiner to get a frame');
    for (const v of late) {
      expect(v.frames[0].bytes.equals(latest)).toBe(true);
      expect(v.frames[0].at - v.joinedAt[0]).toBeLessThan(500);
    }
    const from = pub.seq;
    for (let i = 0; i < 5; i++) {
      pub.sendOne();
      await sleep(20);
    }
    await waitFor(() => late.every((v) => v.frames.at(-1)?.seq === pub.seq), 'the next frames on every node');
    for (const v of late) expect(v.seqs).toEqual([from, from + 1, from + 2, from + 3, from + 4, from + 5]);
  });

  it('a node subscribes to a room only while it has viewers there', async () => {
    const channel = 'rigcast:{quiet}:frames';
    const subscribers = async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);
    expect(await subscribers()).toBe(0);
    const one = viewer(cluster.nodes[0].url, 'quiet');
    const two = viewer(cluster.nodes[1].url, 'quiet');
    const three = viewer(cluster.nodes[1].url, 'quiet');
    await waitFor(() => one.client.connected && two.client.connected && three.client.connected, 'the viewers');
    await expect.poll(subscribers).toBe(2);
    one.close();
    await expect.poll(subscribers).toBe(1);
    two.close();
    three.close();
    await expect.poll(subscribers).toBe(0);
  });

  it('garbage published straight into Redis is dropped by every node and counted, and no viewer sees it', async () => {
    // One viewer straight on each node, so that every node reads the room's channel.
    const viewers = cluster.nodes.map((node) => viewer(node.url, 'junk'));
    await waitFor(() => viewers.every((v) => v.client.connected), 'the viewers');
    const pub = publisher(cluster.url, 'junk');
    await waitFor(() => pub.client.connected, 'the publisher to connect');
    const dropped = async () => {
      let sum = 0;
      for (const node of cluster.nodes) sum += metricValue(await node.metrics(), 'rigcast_redis_messages_dropped_total');
      return sum;
    };
    const before = await dropped();

    const valid = testFrame(7);
    const badVersion = Uint8Array.from(valid);
    badVersion[0] = FRAME_FORMAT_VERSION + 100;
    const badValue = Uint8Array.from(valid);
    badValue.fill(0xff, 6, 14); // the capture time becomes NaN
    const garbage = [
      Buffer.alloc(0),
      Buffer.from('not a rigcast message'),
      Buffer.from([ENVELOPE_VERSION]),
      envelope(valid.subarray(0, 20)),
      envelope(badVersion),
      envelope(badValue),
      Buffer.concat([Buffer.from([ENVELOPE_VERSION + 1]), Buffer.alloc(NODE_ID_BYTES), valid]),
    ];
    pub.start(60);
    for (const message of garbage) {
      await redis.publish('rigcast:{junk}:frames', message);
      await sleep(30);
    }
    await sleep(200);
    pub.stop();
    const last = pub.seq;
    await waitFor(() => viewers.every((v) => v.frames.at(-1)?.seq === last), 'the last frame everywhere');
    // Each of the three nodes has viewers, so each read and dropped every message.
    await expect.poll(dropped).toBe(before + NODES * garbage.length);
    for (const v of viewers) {
      expect(v.seqs).toEqual(pub.sentSeqs);
      for (const frame of v.frames) expect(() => decodeFrame(frame.bytes)).not.toThrow();
    }

    // Garbage as the room's latest frame: a late joiner on a node new to the room gets nothing from it.
    const droppedBadValue = async () => metricValue(await cluster.nodes[2].metrics(), 'rigcast_redis_messages_dropped_total', { reason: 'bad-value' });
    const badValuesBefore = await droppedBadValue();
    await redis.set('rigcast:{empty}:latest', envelope(badValue));
    const late = viewer(cluster.nodes[2].url, 'empty');
    await waitFor(() => late.client.connected, 'the late joiner');
    await expect.poll(droppedBadValue).toBe(badValuesBefore + 1);
    await sleep(200);
    expect(late.frames).toEqual([]);
  });
});
