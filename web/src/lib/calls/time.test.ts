import { describe, expect, it } from 'vitest';
import { timeLeft, zoneOffset } from './time.ts';

describe('deadline display', () => {
  it('gives a zone’s offset at the instant, across a DST change', () => {
    expect(zoneOffset({ epochMs: Date.UTC(2026, 0, 15, 12), timeZone: 'Europe/Tallinn' })).toBe('+02:00');
    expect(zoneOffset({ epochMs: Date.UTC(2026, 6, 15, 12), timeZone: 'Europe/Tallinn' })).toBe('+03:00');
    expect(zoneOffset({ epochMs: Date.UTC(2026, 6, 15, 12), timeZone: 'America/New_York' })).toBe('-04:00');
    expect(zoneOffset({ epochMs: Date.UTC(2026, 6, 15, 12), timeZone: 'UTC' })).toBe('+00:00');
  });

  it('spells the time left in days, hours and minutes, rounded up', () => {
    const from = Date.UTC(2026, 0, 1);
    expect(timeLeft({ from, to: from + 2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 1, locale: 'en' })).toBe('2 days, 3 hours, 5 minutes');
    expect(timeLeft({ from, to: from + 90_000, locale: 'en' })).toBe('2 minutes');
    expect(timeLeft({ from, to: from - 5, locale: 'en' })).toBe('0 minutes');
  });
});
