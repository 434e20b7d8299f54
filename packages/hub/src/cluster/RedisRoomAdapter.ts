import { validateFrame } from '@rigcast/protocol';
import type { Registry } from 'prom-client';
import { MemoryRoomAdapter } from '../relay/MemoryRoomAdapter.js';
import type { ClusterHealth, RoomEvents } from '../relay/RoomAdapter.js';
import { RedisLinkState } from '../relay/RoomAdapter.js';
import type { RoomState } from '../relay/RoomState.js';
import { ClusterMetrics } from './ClusterMetrics.js';
import { frameOf, hasEnvelopeHeader, isFromNode, newNodeId, wrapFrame } from './FrameEnvelope.js';
import { isNewerFrame } from './isNewerFrame.js';
import { frameChannel, latestKey, roomOfChannel, viewersKey } from './RedisKeys.js';
import { RedisLink } from './RedisLink.js';
import { VIEWER_TALLY_LUA } from './viewerTallyScript.js';

/** How long a room's latest frame stays in Redis after its last update. */
export const LATEST_TTL_MS = 60_000;
/**
 * Frame publishes this node may have sent to Redis without a reply. Past it, frames are not
 * published (and counted) until Redis catches up: a slow or paused Redis never grows this
 * node's memory. About 4 s of one room at 60 Hz.
 */
export const MAX_PUBLISHES_IN_FLIGHT = 256;
/** How often each node adds its viewer counts to Redis and reads the rooms' totals. */
export const VIEWER_TALLY_MS = 1000;
/** A node's count drops out of a room's total this long after its last report (a node that died). */
export const VIEWER_FIELD_LIFETIME_MS = 5000;
/** A change of viewers here is reported after this pause, so a crowd joining is one report. */
const TALLY_DEBOUNCE_MS = 50;
/** Why a message read from Redis was dropped, besides the frame decoder's reasons. */
export const RedisDropReason = { BadEnvelope: 'bad-envelope' } as const;

const TALLY_COMMAND = 'rigcastViewerTally';
type TallyCommand = (key: string, node: string, viewers: number, lifetimeMs: number) => Promise<number>;

/** What a hub in cluster mode needs to know about its Redis. */
export interface RedisAdapterOptions {
  url: string;
  /** The hub's metrics registry, where the cluster's metrics go too. */
  registry: Registry;
  log(line: string): void;
}

/**
 * The cluster {@link RoomAdapter}: the in-memory rooms of {@link MemoryRoomAdapter}, plus Redis
 * between nodes (raw pub/sub with ioredis; the README says why not the Socket.IO Redis adapter).
 * - A frame from a publisher here, already fanned out here, is written in one round trip (a
 *   pipeline) as the room's latest key (with a TTL) and published on the room's channel: one
 *   Redis message per frame per room, whatever the number of viewers or nodes.
 * - A node subscribes to a room's channel only while it has viewers in it. Its first viewer
 *   subscribes, then reads the latest key; whichever of the two answers brings an older frame
 *   than the room has is dropped ({@link isNewerFrame}), so a viewer never goes back in time.
 * - Everything read from Redis is validated like a publisher's frame; anything else is dropped and
 *   counted, and never reaches a viewer. A node skips its own messages (its id is in each).
 * - Viewer counts: each node keeps its count per room in a hash with an expiry per field, and
 *   reads the total back ({@link VIEWER_TALLY_LUA}), every {@link VIEWER_TALLY_MS}.
 * - While Redis is away or stalled, viewers of this node's publishers see no gap (Redis is not on
 *   that path); nothing is queued for Redis. After a reconnect the node resubscribes and re-reads
 *   the latest frames; after a stall its subscriptions held, and it only publishes again.
 */
export class RedisRoomAdapter extends MemoryRoomAdapter {
  private readonly nodeId = newNodeId();
  private readonly nodeHex = this.nodeId.toString('hex');
  private readonly link: RedisLink;
  private readonly metrics: ClusterMetrics;
  private readonly tally: TallyCommand;
  /** Rooms with viewers here: the channels this node wants. */
  private readonly subscribed = new Set<string>();
  /** Per room: the total Redis last returned and this node's count in it. */
  private readonly tallied = new WeakMap<RoomState, { total: number; local: number }>();
  private publishesInFlight = 0;
  private tallyRunning = false;
  private readonly tallyTimer: ReturnType<typeof setInterval>;
  private tallySoon: ReturnType<typeof setTimeout> | undefined;

  constructor(
    events: RoomEvents,
    private readonly options: RedisAdapterOptions,
  ) {
    super(events);
    this.link = new RedisLink(options.url, { up: (fresh) => this.onLinkUp(fresh), log: options.log });
    this.link.commands.defineCommand(TALLY_COMMAND, { numberOfKeys: 1, lua: VIEWER_TALLY_LUA });
    this.tally = (this.link.commands as unknown as Record<string, TallyCommand>)[TALLY_COMMAND].bind(this.link.commands);
    this.link.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel, message));
    this.tallyTimer = setInterval(() => void this.runTally(), VIEWER_TALLY_MS);
    this.metrics = new ClusterMetrics(
      options.registry,
      () => this.link.isUp,
      () => this.publishesInFlight,
    );
  }

  override publish(room: RoomState, bytes: Uint8Array): void {
    super.publish(room, bytes);
    const { metrics } = this;
    if (!this.link.isUp || this.publishesInFlight >= MAX_PUBLISHES_IN_FLIGHT) {
      metrics.redisPublishSkips.inc();
      return;
    }
    const message = wrapFrame(this.nodeId, bytes);
    this.publishesInFlight++;
    const settle = () => this.publishesInFlight--;
    this.link.commands
      .pipeline()
      .set(latestKey(room.name), message, 'PX', LATEST_TTL_MS)
      .publish(frameChannel(room.name), message)
      .exec()
      .then(settle, settle);
    metrics.redisPublishes.inc();
  }

  override health(): ClusterHealth {
    const state = this.link.state;
    const message =
      state === RedisLinkState.Up
        ? 'frames flow between nodes through Redis'
        : state === RedisLinkState.Connecting
          ? "not connected to Redis yet: serving this node's viewers only"
          : state === RedisLinkState.Stalled
            ? "Redis is not answering: serving this node's viewers only"
            : "Redis is unreachable: serving this node's viewers only, reconnecting";
    return { mode: 'redis', node: this.nodeHex, redis: state, since: Math.round(this.link.secondsInState * 10) / 10, message };
  }

  override async close(): Promise<void> {
    clearInterval(this.tallyTimer);
    clearTimeout(this.tallySoon);
    const CLOSE_GRACE_MS = 500;
    if (this.link.isUp) {
      // Take this node's viewers out of the totals now rather than when their fields expire.
      await Promise.allSettled([...this.roomMap.values()].map((room) => this.tally(viewersKey(room.name), this.nodeHex, 0, VIEWER_FIELD_LIFETIME_MS)));
    }
    await this.link.close(CLOSE_GRACE_MS);
  }

  protected override firstViewer(room: RoomState): void {
    this.subscribed.add(room.name);
    if (!this.link.canSubscribe) return;
    this.link.subscriber.subscribe(frameChannel(room.name)).then(
      () => this.readLatest([room.name]),
      () => {},
    );
  }

  protected override lastViewerLeft(room: RoomState): void {
    this.subscribed.delete(room.name);
    if (this.link.canSubscribe) this.link.subscriber.unsubscribe(frameChannel(room.name)).catch(() => {});
  }

  protected override roomClosed(room: RoomState): void {
    if (this.link.isUp) this.tally(viewersKey(room.name), this.nodeHex, 0, VIEWER_FIELD_LIFETIME_MS).catch(() => {});
  }

  protected override viewersChanged(room: RoomState): void {
    // Until Redis answers, the last total moved by this node's own change.
    const last = this.tallied.get(room);
    const total = last ? last.total - last.local + room.viewers.size : room.viewers.size;
    if (total !== room.viewerTotal) {
      room.viewerTotal = total;
      this.events.viewerTotal(room);
    }
    this.tallySoon ??= setTimeout(() => {
      this.tallySoon = undefined;
      void this.runTally();
    }, TALLY_DEBOUNCE_MS);
  }

  private onLinkUp(freshSubscriber: boolean): void {
    const rooms = [...this.subscribed];
    if (freshSubscriber && rooms.length > 0 && this.link.canSubscribe) {
      this.link.subscriber.subscribe(...rooms.map(frameChannel)).then(
        () => this.readLatest(rooms),
        () => {},
      );
    }
    void this.runTally();
  }

  /** Reads the rooms' latest keys and offers each frame to its room (see {@link offer}). */
  private readLatest(names: string[]): void {
    if (!this.link.isUp) return;
    this.link.commands.mgetBuffer(...names.map(latestKey)).then(
      (messages) => {
        messages.forEach((message, i) => {
          const room = this.roomMap.get(names[i]);
          if (message && room && room.viewers.size > 0) this.offer(room, message);
        });
      },
      () => {},
    );
  }

  private onMessage(channel: Buffer, message: Buffer): void {
    const name = roomOfChannel(channel.toString('latin1'));
    const room = name === null ? undefined : this.roomMap.get(name);
    if (room && room.viewers.size > 0) this.offer(room, message);
  }

  /** A message read from Redis for `room`: validated, ordered, and if newer, the room's latest, fanned out. */
  private offer(room: RoomState, message: Buffer): void {
    const { metrics } = this;
    if (!hasEnvelopeHeader(message)) {
      metrics.redisDrops.labels(RedisDropReason.BadEnvelope).inc();
      return;
    }
    if (isFromNode(message, this.nodeId)) return;
    const frame = frameOf(message);
    const problem = validateFrame(frame);
    if (problem) {
      metrics.redisDrops.labels(problem.reason).inc();
      return;
    }
    if (room.latest && !isNewerFrame(frame, room.latest)) {
      metrics.redisStale.inc();
      return;
    }
    room.latest = frame;
    metrics.redisFramesIn.inc();
    this.events.remoteFrame(room, frame);
  }

  /** Reports this node's viewers of every room here and takes each room's total back. */
  private async runTally(): Promise<void> {
    if (this.tallyRunning || !this.link.isUp) return;
    this.tallyRunning = true;
    try {
      const rooms = [...this.roomMap.values()];
      const locals = rooms.map((room) => room.viewers.size);
      const totals = await Promise.all(
        rooms.map((room, i) => this.tally(viewersKey(room.name), this.nodeHex, locals[i], VIEWER_FIELD_LIFETIME_MS).catch(() => null)),
      );
      rooms.forEach((room, i) => {
        const total = totals[i];
        if (total === null || this.roomMap.get(room.name) !== room) return;
        this.tallied.set(room, { total, local: locals[i] });
        const now = total - locals[i] + room.viewers.size;
        if (now !== room.viewerTotal) {
          room.viewerTotal = now;
          this.events.viewerTotal(room);
        }
      });
    } finally {
      this.tallyRunning = false;
    }
  }
}
