import { Counter, Gauge, type Registry } from 'prom-client';

/** The Prometheus metrics of a hub node in cluster mode, in the hub's registry. */
export class ClusterMetrics {
  /** 1 while Redis is connected and answering. */
  readonly redisUp: Gauge;
  /** Frame writes sent to Redis and not answered yet (bounded: see MAX_PUBLISHES_IN_FLIGHT). */
  readonly redisInFlight: Gauge;
  /** Frames this node wrote to Redis (latest key and channel, one pipeline). */
  readonly redisPublishes: Counter;
  /** Frames of this node's publishers not written to Redis because it was away or behind. */
  readonly redisPublishSkips: Counter;
  /** Valid, newer frames read from Redis and fanned out here. */
  readonly redisFramesIn: Counter;
  /** Valid frames read from Redis that were not newer than the room's (the subscribe/read race, or duplicates). */
  readonly redisStale: Counter;
  /** Messages read from Redis that were not valid rigcast frames, by reason. Never relayed. */
  readonly redisDrops: Counter<'reason'>;

  constructor(registry: Registry, isUp: () => boolean, inFlight: () => number) {
    const registers = [registry];
    this.redisUp = new Gauge({
      name: 'rigcast_redis_up',
      help: '1 while this node is connected to Redis and Redis answers, else 0',
      registers,
      collect() {
        this.set(isUp() ? 1 : 0);
      },
    });
    this.redisInFlight = new Gauge({
      name: 'rigcast_redis_publishes_in_flight',
      help: 'Frame writes sent to Redis and not answered yet (capped; frames past the cap are skipped)',
      registers,
      collect() {
        this.set(inFlight());
      },
    });
    this.redisPublishes = new Counter({ name: 'rigcast_redis_publishes_total', help: 'Frames written to Redis (latest key + channel)', registers });
    this.redisPublishSkips = new Counter({
      name: 'rigcast_redis_publish_skips_total',
      help: 'Frames not written to Redis because it was unreachable, stalled or behind',
      registers,
    });
    this.redisFramesIn = new Counter({ name: 'rigcast_redis_frames_in_total', help: 'Frames from other nodes fanned out here', registers });
    this.redisStale = new Counter({
      name: 'rigcast_redis_stale_frames_total',
      help: 'Frames from Redis dropped because the room already had a newer one',
      registers,
    });
    this.redisDrops = new Counter({
      name: 'rigcast_redis_messages_dropped_total',
      help: 'Messages from Redis that were not valid rigcast frames, by reason; never relayed',
      labelNames: ['reason'] as const,
      registers,
    });
  }
}
