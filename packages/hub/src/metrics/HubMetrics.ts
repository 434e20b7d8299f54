import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** Why the hub dropped a frame without telling the sender. */
export const DropReason = { RateLimit: 'rate-limit' } as const;
export type DropReason = (typeof DropReason)[keyof typeof DropReason];

/**
 * The hub's Prometheus metrics, in a registry of their own so that several hubs can live in one
 * process (tests). Default Node metrics (event-loop lag, heap, CPU) are included.
 */
export class HubMetrics {
  readonly registry = new Registry();
  /** Open connections by role. */
  readonly connections = new Gauge({
    name: 'rigcast_connections',
    help: 'Open Socket.IO connections by role',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  /** Rooms with at least one member. */
  readonly rooms = new Gauge({ name: 'rigcast_rooms', help: 'Rooms with at least one client', registers: [this.registry] });
  /** Every `frame` event received, valid or not. */
  readonly framesIn = new Counter({
    name: 'rigcast_frames_in_total',
    help: 'frame events received from clients, valid or not',
    registers: [this.registry],
  });
  /** Frames that passed validation and were relayed to their room. */
  readonly framesRelayed = new Counter({
    name: 'rigcast_frames_relayed_total',
    help: 'Valid frames relayed to their room',
    registers: [this.registry],
  });
  /** Frame copies handed to viewers' connections (a relayed frame counts once per viewer). */
  readonly frameDeliveries = new Counter({
    name: 'rigcast_frame_deliveries_total',
    help: 'Frame copies sent to viewers (relayed frames times viewers), including catch-ups',
    registers: [this.registry],
  });
  /** Relayed frames a viewer skipped because its connection was still busy sending. */
  readonly viewerSkips = new Counter({
    name: 'rigcast_viewer_skips_total',
    help: 'Relayed frames skipped for a viewer whose connection was busy (volatile)',
    registers: [this.registry],
  });
  /** Latest frames sent to a slow viewer once it could take data again (it skipped some). */
  readonly catchUps = new Counter({
    name: 'rigcast_viewer_catchups_total',
    help: 'Latest frames sent to viewers that had been skipped while their connection was busy',
    registers: [this.registry],
  });
  /** Frames dropped silently, by reason (the rate limit). */
  readonly framesDropped = new Counter({
    name: 'rigcast_frames_dropped_total',
    help: 'Frames dropped without relaying, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  /** Frames refused with a `rejected` event, by reason. */
  readonly rejects = new Counter({
    name: 'rigcast_frames_rejected_total',
    help: 'Frames refused with a rejected event, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  /** Connections refused at the handshake or the WebSocket upgrade, by connect-error code. */
  readonly connectRefusals = new Counter({
    name: 'rigcast_connect_refusals_total',
    help: 'Connections refused, by connect-error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  /** Viewers per room on every node (on a single hub, this hub's), from the rooms {@link watchRooms} gives. */
  readonly roomViewers: Gauge<'room'>;
  /** Pre-bound child for the hot path. */
  readonly rateLimitDrops = this.framesDropped.labels(DropReason.RateLimit);

  private roomSource: () => Iterable<{ name: string; viewerTotal: number }> = () => [];

  constructor() {
    const rooms = () => this.roomSource();
    this.roomViewers = new Gauge({
      name: 'rigcast_room_viewers',
      help: 'Viewers per room with members on this node, counted over every node of the cluster',
      labelNames: ['room'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const room of rooms()) this.labels(room.name).set(room.viewerTotal);
      },
    });
    collectDefaultMetrics({ register: this.registry });
    this.connections.labels('publisher').set(0);
    this.connections.labels('viewer').set(0);
    this.rooms.set(0);
  }

  /** Where {@link roomViewers} reads the rooms from at each scrape. */
  watchRooms(rooms: () => Iterable<{ name: string; viewerTotal: number }>): void {
    this.roomSource = rooms;
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
