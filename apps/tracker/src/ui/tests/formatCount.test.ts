import { describe, expect, it } from 'vitest';
import { formatCount } from '../formatCount';

describe('formatCount', () => {
  it('groups thousands, and shows a dash while the count is unknown', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(Number.NaN)).toBe('–');
  });
});
