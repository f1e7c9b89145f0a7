/**
 * The call service's refusals in the reader's language, by code (the service words them in
 * English). Unknown codes keep the English they came with.
 */
import { translatedBy } from '../translated-refusals.ts';
import { m } from '../../paraglide/messages.js';

const byCode: Record<string, () => string> = {
  'call.deadline-past': () => m.calls_error_deadline_past(),
  'call.quorum-invalid': () => m.calls_error_quorum(),
  'input.quorum': () => m.calls_error_quorum(),
  'call.time-zone-unknown': () => m.calls_error_time_zone(),
  'input.timeZone': () => m.calls_error_time_zone(),
  'input.date': () => m.calls_error_date(),
  'input.time': () => m.calls_error_time(),
  'time.skipped': () => m.calls_error_time_gap(),
  'time.malformed': () => m.calls_error_date(),
  'time.unknown-zone': () => m.calls_error_time_zone(),
  'input.procedure': () => m.calls_error_procedure(),
  'call.already-open': () => m.calls_error_already_open(),
  'call.already-adopted': () => m.calls_error_already_adopted(),
  'call.no-named-version': () => m.calls_error_no_named_version(),
  'call.text-not-clean': () => m.calls_error_not_clean(),
  'call.text-changed': () => m.calls_error_text_changed(),
  'call.no-members': () => m.calls_error_no_members(),
  'call.not-open': () => m.calls_error_not_open(),
  'call.deadline-passed': () => m.calls_error_deadline_passed(),
  'call.stance-unknown': () => m.calls_error_stance(),
  'call.reason-required': () => m.calls_error_reason_required(),
  'call.reason-too-long': () => m.calls_error_too_long(),
  'call.explanation-too-long': () => m.calls_error_too_long(),
  'call.extension-reason-required': () => m.calls_error_extension_reason(),
  'call.extension-not-later': () => m.calls_error_extension_not_later(),
  'call.changed': () => m.calls_error_changed(),
  'call.cannot-close-early': () => m.calls_error_cannot_close_early(),
  'call.not-in-electorate': () => m.calls_error_not_in_electorate(),
  'call.notice-too-short': () => m.calls_error_notice_too_short(),
  'call.urgent-reason-required': () => m.calls_error_urgent_reason(),
};

/** Runs `run`; a refusal with a known code comes back worded in the reader's language. */
export const translated = translatedBy(byCode);
