/**
 * Reading the call forms: a deadline is a wall time (date, time) in a named IANA zone, turned
 * into one instant with core's zoned time (DST gaps refused); a quorum is a percentage.
 */
import { fail, instantOf, isKnownTimeZone, type ConsensusCall, type Procedure, type Stance } from '@concord/core';
import { callLimits, noticeLimits } from '@concord/core';
import { checkbox, textField } from '../forms.ts';

export function readDeadline(form: FormData): { deadline: number; timeZone: string } {
  const date = textField(form, 'date', 10);
  const time = textField(form, 'time', 5);
  const timeZone = textField(form, 'timeZone', 64);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fail.input('input.date', 'Give the deadline’s date.');
  if (!/^\d{2}:\d{2}$/.test(time)) throw fail.input('input.time', 'Give the deadline’s time.');
  if (!isKnownTimeZone(timeZone)) throw fail.input('input.timeZone', 'Choose a time zone from the list.');
  return { deadline: instantOf({ date, time, timeZone }), timeZone };
}

export function readOpenFields(form: FormData): {
  procedure: Procedure;
  deadline: number;
  timeZone: string;
  resultsVisibility: ConsensusCall['resultsVisibility'];
  urgentReason: string | null;
} {
  const kind = textField(form, 'procedure', 20);
  let procedure: Procedure;
  if (kind === 'silence') procedure = { kind: 'silence' };
  else if (kind === 'explicit') {
    const percent = Number(textField(form, 'quorum', 5));
    if (!Number.isFinite(percent) || percent < callLimits.minQuorum * 100 || percent > callLimits.maxQuorum * 100) {
      throw fail.input('input.quorum', 'Set the quorum as a share of the member organisations, from 1 % to 100 %.');
    }
    procedure = { kind: 'explicit', quorum: percent / 100 };
  } else throw fail.input('input.procedure', 'Choose a procedure.');
  // Unticked, the reason is ignored: the notice then applies in full.
  const urgentReason = checkbox(form, 'urgent') ? textField(form, 'urgentReason', noticeLimits.reasonMax + 1) : null;
  return { procedure, ...readDeadline(form), resultsVisibility: textField(form, 'resultsVisibility', 20) === 'live' ? 'live' : 'after-close', urgentReason };
}

export function readPositionFields(form: FormData): { stance: Stance; confirmed: boolean; reason: string | null; explanation: string | null } {
  return {
    stance: textField(form, 'stance', 30) as Stance,
    confirmed: checkbox(form, 'confirmed'),
    // Cut one past the limit so the core rules refuse an over-long text instead of storing a cut one.
    reason: textField(form, 'reason', callLimits.reasonMax + 1) || null,
    explanation: textField(form, 'explanation', callLimits.explanationMax + 1) || null,
  };
}
