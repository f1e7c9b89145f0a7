import { describe, expect, it } from 'vitest';
import { codeOf } from './testing/code-of.ts';
import { checkNotice, checkNoticeSettings, defaultNotice, noticeOf, requiredNoticeHours, suggestedDeadline } from './notice.ts';

const now = Date.UTC(2026, 5, 1, 9);
const hours = (n: number) => now + n * 3_600_000;
const silence = { kind: 'silence' } as const;
const explicit = { kind: 'explicit', quorum: 0.5 } as const;

describe('noticeOf', () => {
  it('gives 72 hours for silence and 24 for explicit consensus to a coalition that never set them', () => {
    expect(noticeOf({})).toEqual({ silenceHours: 72, explicitHours: 24 });
    expect(requiredNoticeHours({ settings: defaultNotice, procedure: silence })).toBe(72);
    expect(requiredNoticeHours({ settings: defaultNotice, procedure: explicit })).toBe(24);
  });

  it("uses the coalition's own settings when it has them", () => {
    expect(noticeOf({ notice: { silenceHours: 120, explicitHours: 48 } })).toEqual({ silenceHours: 120, explicitHours: 48 });
  });
});

describe('checkNoticeSettings', () => {
  it.each([0, -1, 1.5, 1_441, Number.NaN])('refuses %s hours', (value) => {
    expect(codeOf(() => checkNoticeSettings({ settings: { silenceHours: value, explicitHours: 24 } }))).toBe('notice.hours-invalid');
    expect(codeOf(() => checkNoticeSettings({ settings: { silenceHours: 72, explicitHours: value } }))).toBe('notice.hours-invalid');
  });

  it('accepts whole hours from 1 to 60 days', () => {
    expect(checkNoticeSettings({ settings: { silenceHours: 1, explicitHours: 1_440 } })).toEqual({ silenceHours: 1, explicitHours: 1_440 });
  });
});

describe('checkNotice', () => {
  it('refuses a silence procedure one minute away (the 25-second adoption of issue 13)', () => {
    expect(codeOf(() => checkNotice({ settings: defaultNotice, procedure: silence, deadline: now + 60_000, now, urgentReason: null }))).toBe('call.notice-too-short');
  });

  it('refuses a silence procedure just below the notice and opens one exactly at it', () => {
    expect(codeOf(() => checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(72) - 1, now, urgentReason: null }))).toBe('call.notice-too-short');
    expect(checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(72), now, urgentReason: null })).toBeNull();
  });

  it('holds each procedure to its own notice', () => {
    expect(checkNotice({ settings: defaultNotice, procedure: explicit, deadline: hours(24), now, urgentReason: null })).toBeNull();
    expect(codeOf(() => checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(24), now, urgentReason: null }))).toBe('call.notice-too-short');
  });

  it('shortens the notice only as an urgent procedure with a reason, and records it', () => {
    expect(codeOf(() => checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(2), now, urgentReason: '   ' }))).toBe('call.urgent-reason-required');
    expect(codeOf(() => checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(2), now, urgentReason: 'x'.repeat(1_001) }))).toBe('call.reason-too-long');
    expect(checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(2), now, urgentReason: ' The summit opens tomorrow. ' })).toEqual({
      reason: 'The summit opens tomorrow.',
      requiredHours: 72,
    });
  });

  it('records nothing urgent when the notice is given anyway', () => {
    expect(checkNotice({ settings: defaultNotice, procedure: silence, deadline: hours(100), now, urgentReason: 'No need.' })).toBeNull();
  });
});

describe('suggestedDeadline', () => {
  it('suggests the first whole hour past the notice with time to fill in the form, which the notice accepts', () => {
    const at = now + 55 * 60_000;
    const suggested = suggestedDeadline({ settings: defaultNotice, procedure: silence, now: at });
    expect(suggested).toBe(hours(74));
    expect(checkNotice({ settings: defaultNotice, procedure: silence, deadline: suggested, now: at + 9 * 60_000, urgentReason: null })).toBeNull();
  });
});
