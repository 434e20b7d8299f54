import { describe, expect, it } from 'vitest';
import { OriginPolicy, normalizeOrigin } from '../OriginPolicy.js';

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://studio.example', 'http://192.168.1.20:8080/']);
  const host = 'hub.example:8080';

  it('allows requests without an Origin (non-browser clients)', () => {
    expect(policy.allows(undefined, host)).toBe(true);
  });

  it('allows the same origin and loopback on any port, over http and https', () => {
    expect(policy.allows('http://hub.example:8080', host)).toBe(true);
    expect(policy.allows('http://HUB.example:8080', 'HUB.EXAMPLE:8080')).toBe(true);
    for (const origin of ['http://localhost:3000', 'https://127.0.0.1', 'http://[::1]:5173']) expect(policy.allows(origin, host)).toBe(true);
  });

  it('allows listed origins exactly, and refuses look-alikes and other schemes', () => {
    expect(policy.allows('https://studio.example', host)).toBe(true);
    expect(policy.allows('http://192.168.1.20:8080', host)).toBe(true);
    for (const origin of ['http://studio.example', 'https://studio.example.evil', 'https://evil.example', 'null', 'file://', 'chrome-extension://abc', 'not a url', 'http://localhost.evil.example']) {
      expect(policy.allows(origin, host)).toBe(false);
    }
    expect(policy.allows('http://hub.example:9999', host)).toBe(false);
  });

  it('allows everything with "*"', () => {
    expect(new OriginPolicy(['*']).allows('https://anywhere.example', host)).toBe(true);
  });

  it('normalizes entries and rejects ones that are not origins', () => {
    expect(normalizeOrigin(' https://Studio.Example:443/ ')).toBe('https://studio.example');
    expect(() => normalizeOrigin('studio.example')).toThrow(/is not an origin/);
    expect(() => normalizeOrigin('https://studio.example/path')).toThrow(/write only scheme, host and port/);
    expect(() => normalizeOrigin('ftp://studio.example')).toThrow(/is not an origin/);
  });
});
