/** Hostnames of the local machine, as `URL.hostname` spells them. */
const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The entry in an allow-list that lets any origin connect. */
export const ANY_ORIGIN = '*';

/**
 * Normalizes an allow-list entry to `scheme://host[:port]` (the form browsers send), or throws
 * with a sentence naming the entry.
 */
export function normalizeOrigin(entry: string): string {
  const trimmed = entry.trim();
  if (trimmed === ANY_ORIGIN || trimmed === 'null') return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`"${entry}" is not an origin; write it like https://example.com or http://192.168.1.5:8080`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`"${entry}" is not an origin; write only scheme, host and port, like https://example.com`);
  }
  return url.origin;
}

/**
 * Decides which browser Origins may open a WebSocket to the hub: no Origin (non-browser
 * clients), the same origin (Origin host equals the Host header), loopback origins on any port,
 * and the extra origins given (`*` allows all).
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;
  private readonly allowAll: boolean;

  /** @param extraOrigins allow-list entries; each is checked with {@link normalizeOrigin}. */
  constructor(extraOrigins: readonly string[] = []) {
    this.allowed = new Set(extraOrigins.map(normalizeOrigin));
    this.allowAll = this.allowed.has(ANY_ORIGIN);
  }

  /** True when a request with this `Origin` and `Host` header may connect. */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined || this.allowAll || this.allowed.has(origin)) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (host !== undefined && url.host === host.toLowerCase()) return true;
    return LOOPBACK_HOSTNAMES.has(url.hostname);
  }
}
