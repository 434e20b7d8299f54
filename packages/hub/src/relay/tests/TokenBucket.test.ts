import { describe, expect, it } from 'vitest';
import { TokenBucket, burstForRate } from '../TokenBucket.js';

describe('TokenBucket', () => {
  it('allows the burst at once, then the steady rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(50)).toBe(false); // half a token
    expect(bucket.take(100)).toBe(true); // one token after 100 ms at 10/s
    let passed = 0;
    for (let t = 100; t <= 10_100; t += 1) if (bucket.take(t)) passed++;
    expect(passed).toBe(100); // 10 s at 10/s
  });

  it('never holds more than the burst, however long it was idle', () => {
    const bucket = new TokenBucket(100, 5, 0);
    let passed = 0;
    for (let i = 0; i < 50; i++) if (bucket.take(1_000_000)) passed++;
    expect(passed).toBe(5);
  });

  it('sizes the burst to a quarter second, at least two frames', () => {
    expect(burstForRate(120)).toBe(30);
    expect(burstForRate(1)).toBe(2);
  });
});
