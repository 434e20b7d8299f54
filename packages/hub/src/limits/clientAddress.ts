import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

const IPV4_MAPPED = '::ffff:';
/** IPv6 clients are counted per /64, the block one subscriber usually holds: 4 groups of 16 bits. */
const IPV6_PREFIX_GROUPS = 4;

/** `a.b.c.d` for IPv4-mapped IPv6 addresses; others as they are. */
function plain(address: string): string {
  return address.startsWith(IPV4_MAPPED) && address.includes('.') ? address.slice(IPV4_MAPPED.length) : address;
}

/**
 * True for 127.0.0.1 and ::1: this machine's own programs (OBS, a local proxy, a load test).
 * Other 127.x addresses are not counted as this machine, so that tests can play strangers.
 */
export function isLoopback(address: string): boolean {
  const ip = plain(address);
  return ip === '::1' || ip === '127.0.0.1';
}

/** The key limits are counted under: the IPv4 address, or an IPv6 address's /64 block. */
export function limitKey(address: string): string {
  const ip = plain(address);
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${groups.slice(0, IPV6_PREFIX_GROUPS).join(':')}::/64`;
}

/**
 * The client's address: the TCP peer's, or, when the peer is a trusted proxy (this machine's
 * loopback, or one of `trustedProxies`), the last address in `X-Forwarded-For` that is not a
 * trusted proxy itself. A client cannot pass itself off as another by sending the header: only a
 * trusted proxy's word is taken.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = plain(req.socket.remoteAddress ?? '');
  const trusted = (address: string) => isLoopback(address) || trustedProxies.has(address);
  if (!trusted(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((part) => plain(part.trim())).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trusted(forwarded[i])) return forwarded[i];
  return forwarded[0] ?? peer;
}
