/**
 * Refusals that come worded in English from `@concord/core` (the policy's reasons, password
 * rules), put in the reader's language by their code. Codes stay codes; a code with no message
 * here keeps the English it came with (listed in the README as still to translate).
 */
import type { PasswordIssue } from '@concord/core';
import { passwordRules } from '@concord/core';
import { m } from '../paraglide/messages.js';

const byCode: Record<string, () => string> = {
  'auth.signed-out': () => m.error_sign_in_first(),
  'forbidden.not-shared': () => m.forbidden_not_shared(),
  'forbidden.not-pen-holder': () => m.forbidden_not_pen_holder(),
  'forbidden.read-only': () => m.forbidden_read_only(),
  'forbidden.not-manager': () => m.forbidden_not_manager(),
  'forbidden.cannot-comment': () => m.forbidden_cannot_comment(),
  'forbidden.cannot-propose': () => m.forbidden_cannot_propose(),
  'forbidden.cannot-decide': () => m.forbidden_cannot_decide(),
  'forbidden.not-member': () => m.forbidden_not_member(),
  'forbidden.cannot-name-version': () => m.forbidden_cannot_name_version(),
  'forbidden.chair-only': () => m.forbidden_chair_only(),
  'forbidden.not-lead': () => m.forbidden_not_lead(),
  'forbidden.other-coalition': () => m.forbidden_other_coalition(),
  'forbidden.own-organisation': () => m.forbidden_own_organisation(),
};

/**
 * Some codes carry several reasons (who may manage what); the exact English reason picks the
 * precise message, the code a general one.
 */
const byReason: Record<string, () => string> = {
  'Only those who edit the text restore a version.': () => m.forbidden_read_only_restore(),
  'Only the chair and the secretariat change how a draft is shared.': () => m.forbidden_not_manager_sharing(),
  'Only the chair and the secretariat manage the coalition.': () => m.forbidden_not_manager_coalition(),
  'Only the chair and the secretariat read the audit log.': () => m.forbidden_not_manager_audit(),
  'Only the chair hands the chair on.': () => m.forbidden_chair_only_hand(),
  'The chair (or the secretariat on its behalf) opens consensus calls.': () => m.forbidden_not_manager_open_call(),
  'The chair (or the secretariat on its behalf) runs consensus calls.': () => m.forbidden_not_manager_run_call(),
  'Member organisations hold brackets.': () => m.forbidden_not_member_brackets(),
  'Member organisations start drafts.': () => m.forbidden_not_member_drafts(),
  'Member organisations take positions; others follow the call.': () => m.forbidden_not_member_positions(),
};

/** The message for a refusal's code in the request's language, or `fallback` when there is none. */
export function errorText(input: { code: string; fallback: string }): string {
  return byReason[input.fallback]?.() ?? byCode[input.code]?.() ?? input.fallback;
}

const passwordTexts = {
  'password.too-short': () => m.password_too_short({ min: passwordRules.minLength }),
  'password.too-long': () => m.password_too_long({ max: passwordRules.maxLength }),
  'password.is-email': () => m.password_is_email(),
  'password.repetitive': () => m.password_repetitive(),
} as const satisfies Record<PasswordIssue, () => string>;

/** Why a new password is refused, in the request's language. */
export function passwordText(issue: PasswordIssue): string {
  return passwordTexts[issue]();
}
