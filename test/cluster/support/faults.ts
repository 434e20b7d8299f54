import type { HubNode } from '../../../scripts/cluster/HubNode.js';
import { metricValue } from './Cluster.js';
import type { PublisherProbe, ViewerProbe } from './Probes.js';

/** The seqs `viewer` should have had from its first frame on: everything the publisher sent since. */
export function expectedFrom(viewer: ViewerProbe, pub: PublisherProbe): number[] {
  const first = viewer.frames[0]?.seq ?? Number.POSITIVE_INFINITY;
  return pub.sentSeqs.filter((seq) => seq >= first && seq <= (viewer.frames.at(-1)?.seq ?? 0));
}

/**
 * True when a viewer never got an older frame after a newer one, nor a frame twice, except the
 * room's latest frame again as the first frame after re-joining (on another node, after a crash,
 * the latest is often the frame it last had).
 */
export function inOrder(viewer: ViewerProbe): boolean {
  return viewer.frames.every((f, i, all) => i === 0 || f.seq > all[i - 1].seq || (f.seq === all[i - 1].seq && f.join > all[i - 1].join));
}

/** The first frame `viewer` got that the publisher sent after `time` (performance.now()), or undefined. */
export function firstSentAfter(viewer: ViewerProbe, pub: PublisherProbe, time: number) {
  return viewer.frames.find((f) => (pub.sentAt.get(f.seq) ?? 0) > time);
}

/** A node's health over a fault: how long /healthz took at worst, and the states it reported. */
export class HealthWatch {
  slowestMs = 0;
  readonly states = new Set<string>();
  failures = 0;
  private timer: ReturnType<typeof setInterval>;

  constructor(private readonly node: HubNode, periodMs = 100) {
    this.timer = setInterval(() => void this.probe(), periodMs);
  }

  private async probe(): Promise<void> {
    const start = performance.now();
    try {
      const health = await this.node.health();
      this.states.add(health.cluster.redis ?? health.cluster.mode);
    } catch {
      this.failures++;
    }
    this.slowestMs = Math.max(this.slowestMs, performance.now() - start);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Reads event-loop lag and heap from a node's /metrics; the first read resets the lag maximum. */
export async function nodeVitals(node: HubNode): Promise<{ lagMaxMs: number; heapMB: number; inFlight: number; skips: number }> {
  const text = await node.metrics();
  return {
    lagMaxMs: metricValue(text, 'nodejs_eventloop_lag_max_seconds') * 1000,
    heapMB: metricValue(text, 'nodejs_heap_size_used_bytes') / 2 ** 20,
    inFlight: metricValue(text, 'rigcast_redis_publishes_in_flight'),
    skips: metricValue(text, 'rigcast_redis_publish_skips_total'),
  };
}
