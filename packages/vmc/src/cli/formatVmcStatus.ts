import type { HubClient } from '@rigcast/client';
import type { VmcIn } from '../in/VmcIn';
import type { VmcOut } from '../out/VmcOut';

function counts(record: Record<string, number>): string {
  const parts = Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function total(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, n) => sum + n, 0);
}

/**
 * The hub link: `hub connected, rtt 1.2 ms`, or its state and, when `withDetail`, what is wrong
 * and what to do (printed once when the state changes; status lines give only the refusal code).
 */
export function hubStatus(client: HubClient, withDetail = false): string {
  if (client.state !== 'connected') {
    if (withDetail && client.detail) return `hub ${client.state}: ${client.detail}`;
    return `hub ${client.state}${client.code ? ` (${client.code})` : ''}`;
  }
  const rtt = Number.isFinite(client.rttMs) ? `, rtt ${client.rttMs.toFixed(1)} ms` : '';
  const rejected = client.rejectedCount > 0 ? `, rejected ${client.rejectedCount} (${client.lastRejected?.reason})` : '';
  return `hub connected${rtt}${rejected}`;
}

/** Frames per second between two readings. */
export function rate(frames: number, previous: number, seconds: number): string {
  return seconds > 0 ? `${((frames - previous) / seconds).toFixed(1)}/s` : '–';
}

/**
 * One status line for `in`: frames, their rate over the last `seconds`, the sender, what was
 * published, datagrams dropped and messages ignored by reason, and the hub link.
 */
export function formatInStatus(bridge: VmcIn, previousFrames: number, seconds: number): string {
  const { stats } = bridge.assembler;
  const from = bridge.lastSender ? ` from ${bridge.lastSender}` : ' (nothing received yet)';
  const unknown = bridge.assembler.lastUnknown;
  const ignored = total(stats.ignored);
  return [
    `in: ${stats.frames} frames (${rate(stats.frames, previousFrames, seconds)})${from}`,
    `published ${bridge.published}${bridge.unsent ? `, unsent ${bridge.unsent}` : ''}`,
    `datagrams ${stats.datagrams}, dropped ${total(stats.dropped)}${counts(stats.dropped)}`,
    `ignored ${ignored}${counts(stats.ignored)}${ignored && unknown ? ` last unknown "${unknown}"` : ''}`,
    hubStatus(bridge.client),
  ].join(' · ');
}

/** One status line for `out`: frames from the hub and their rate, datagrams sent, skips and errors, and the hub link. */
export function formatOutStatus(bridge: VmcOut, previousFrames: number, seconds: number): string {
  const { stats } = bridge;
  const errors = stats.sendErrors ? `, send errors ${stats.sendErrors} (${stats.lastError})` : '';
  return [
    `out: ${stats.framesSent} frames (${rate(stats.framesSent, previousFrames, seconds)}) to ${bridge.address}:${bridge.port}`,
    `datagrams ${stats.datagrams}, largest ${stats.largestDatagram} B${errors}`,
    `skipped ${stats.framesSkipped}${stats.undecodable ? `, undecodable ${stats.undecodable}` : ''}`,
    hubStatus(bridge.client),
  ].join(' · ');
}
