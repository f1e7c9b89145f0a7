import { describe, expect, it } from 'vitest';
import { codeOf } from './testing/code-of.ts';
import { instantOf, isKnownTimeZone, wallTimeAt } from './zoned-time.ts';

describe('instantOf', () => {
  it.each([
    // date, time, zone, the instant in UTC
    ['2026-11-23', '17:00', 'Europe/Tallinn', '2026-11-23T15:00:00.000Z'],
    ['2026-07-01', '17:00', 'Europe/Tallinn', '2026-07-01T14:00:00.000Z'],
    ['2026-11-23', '09:30', 'Asia/Kolkata', '2026-11-23T04:00:00.000Z'],
    ['2026-11-23', '09:00', 'Pacific/Chatham', '2026-11-22T19:15:00.000Z'],
    ['2026-11-23', '23:59', 'America/Los_Angeles', '2026-11-24T07:59:00.000Z'],
    ['2026-02-28', '12:00', 'UTC', '2026-02-28T12:00:00.000Z'],
    ['2026-01-01', '00:00', 'Pacific/Kiritimati', '2025-12-31T10:00:00.000Z'],
  ])('reads %s %s in %s as %s', (date, time, timeZone, utc) => {
    expect(new Date(instantOf({ date, time, timeZone })).toISOString()).toBe(utc);
  });

  it('refuses a time skipped when the clocks go forward (Tallinn, 29 March 2026, 03:30)', () => {
    expect(codeOf(() => instantOf({ date: '2026-03-29', time: '03:30', timeZone: 'Europe/Tallinn' }))).toBe('time.skipped');
    expect(new Date(instantOf({ date: '2026-03-29', time: '04:00', timeZone: 'Europe/Tallinn' })).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of a time that happens twice when the clocks go back (New York, 1 November 2026, 01:30)', () => {
    expect(new Date(instantOf({ date: '2026-11-01', time: '01:30', timeZone: 'America/New_York' })).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses malformed dates and times and unknown zones', () => {
    expect(codeOf(() => instantOf({ date: '2026-02-30', time: '10:00', timeZone: 'UTC' }))).toBe('time.malformed');
    expect(codeOf(() => instantOf({ date: '26-02-01', time: '10:00', timeZone: 'UTC' }))).toBe('time.malformed');
    expect(codeOf(() => instantOf({ date: '2026-02-01', time: '24:00', timeZone: 'UTC' }))).toBe('time.malformed');
    expect(codeOf(() => instantOf({ date: '2026-02-01', time: '10:00', timeZone: 'Mars/Olympus' }))).toBe('time.unknown-zone');
  });
});

describe('wallTimeAt', () => {
  it('shows one instant as each delegation reads it', () => {
    const deadline = instantOf({ date: '2026-11-23', time: '17:00', timeZone: 'Europe/Tallinn' });
    expect(wallTimeAt({ instant: deadline, timeZone: 'America/New_York' })).toEqual({ date: '2026-11-23', time: '10:00', timeZone: 'America/New_York' });
    expect(wallTimeAt({ instant: deadline, timeZone: 'Asia/Tokyo' })).toEqual({ date: '2026-11-24', time: '00:00', timeZone: 'Asia/Tokyo' });
  });

  it('round-trips every quarter hour across a whole DST change day', () => {
    const start = Date.UTC(2026, 2, 28, 12);
    for (let instant = start; instant < start + 36 * 3_600_000; instant += 15 * 60_000) {
      const wall = wallTimeAt({ instant, timeZone: 'Europe/Tallinn' });
      expect(instantOf(wall)).toBe(instant);
    }
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isKnownTimeZone('Africa/Accra')).toBe(true);
    expect(isKnownTimeZone('Not/AZone')).toBe(false);
  });
});
