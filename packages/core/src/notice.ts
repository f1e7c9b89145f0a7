/**
 * Notice periods (issue 13, item 1): how long before its deadline a consensus call must open, set
 * per procedure by each coalition. Below the notice a call opens only as an urgent procedure,
 * whose reason is recorded with the call, in the adoption record and on the public page. Pure:
 * `now` is an input.
 */
import type { Procedure } from './calls.ts';
import { fail } from './errors.ts';

/** The minimum notice per procedure, in whole hours. */
export interface NoticeSettings {
  silenceHours: number;
  explicitHours: number;
}

/** Real coalitions give days for silence, a day for explicit replies. */
export const defaultNotice: NoticeSettings = { silenceHours: 72, explicitHours: 24 };

/** From one hour to sixty days; the urgent reason up to 1,000 characters. */
export const noticeLimits = { minHours: 1, maxHours: 24 * 60, reasonMax: 1_000 } as const;

/** Why a call opened below the notice, kept with the call for ever. */
export interface UrgentProcedure {
  reason: string;
  /** The notice the coalition asked for when the call opened, in hours. */
  requiredHours: number;
}

/** The coalition's settings, or the defaults for a coalition that never set them. */
export function noticeOf(input: { notice?: NoticeSettings | null }): NoticeSettings {
  return input.notice ?? defaultNotice;
}

/** Checks new settings: whole hours within the limits. */
export function checkNoticeSettings(input: { settings: NoticeSettings }): NoticeSettings {
  const { silenceHours, explicitHours } = input.settings;
  for (const hours of [silenceHours, explicitHours]) {
    if (!Number.isInteger(hours) || hours < noticeLimits.minHours || hours > noticeLimits.maxHours) {
      throw fail.input('notice.hours-invalid', 'Give each notice in whole hours, from 1 hour to 60 days (1,440 hours).');
    }
  }
  return { silenceHours, explicitHours };
}

/** The notice a procedure needs, in hours. */
export function requiredNoticeHours(input: { settings: NoticeSettings; procedure: Procedure }): number {
  return input.procedure.kind === 'silence' ? input.settings.silenceHours : input.settings.explicitHours;
}

/**
 * Checks a call's deadline against the notice at `now`. A deadline at or past the notice needs no
 * reason (an urgent request then records nothing); one before it needs `urgent` with a reason.
 * Returns what to record with the call.
 */
export function checkNotice(input: {
  settings: NoticeSettings;
  procedure: Procedure;
  deadline: number;
  now: number;
  urgentReason: string | null;
}): UrgentProcedure | null {
  const requiredHours = requiredNoticeHours(input);
  if (input.deadline - input.now >= requiredHours * 3_600_000) return null;
  const reason = input.urgentReason?.trim() ?? '';
  if (input.urgentReason === null) {
    throw fail.input('call.notice-too-short', `Give at least ${requiredHours} hours' notice, or open it as an urgent procedure with a reason.`);
  }
  if (!reason) throw fail.input('call.urgent-reason-required', 'An urgent procedure needs the reason the notice is shortened.');
  if (reason.length > noticeLimits.reasonMax) throw fail.tooLong('call.reason-too-long', noticeLimits.reasonMax);
  return { reason, requiredHours };
}

/**
 * The deadline a call form suggests: the notice from `now` with ten minutes to fill in the form,
 * rounded up to the hour. Always at or past the notice when submitted within those minutes.
 */
export function suggestedDeadline(input: { settings: NoticeSettings; procedure: Procedure; now: number }): number {
  const hour = 3_600_000;
  return Math.ceil((input.now + requiredNoticeHours(input) * hour + 10 * 60_000) / hour) * hour;
}
