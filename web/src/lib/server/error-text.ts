/**
 * Refusals that come worded in English from `@concord/core` (the policy's reasons, password
 * rules), put in the reader's language by their code. Codes stay codes; a code with no message
 * here keeps the English it came with; every refusal the policy makes has one (error-text.test.ts).
 */
import type { PasswordIssue, RefusalCode } from '@concord/core';
import { passwordRules, refusalOf } from '@concord/core';
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
  'forbidden.cannot-translate': () => m.forbidden_cannot_translate(),
  'forbidden.chair-only': () => m.forbidden_chair_only(),
  'forbidden.not-lead': () => m.forbidden_not_lead(),
  'forbidden.other-coalition': () => m.forbidden_other_coalition(),
  'forbidden.own-organisation': () => m.forbidden_own_organisation(),
};

/**
 * Some general codes carry several of the policy's refusals (who may manage what): each refusal's
 * own code (`@concord/core` refusals.ts) picks the precise message, the general code a broader one.
 */
const byRefusal: Partial<Record<RefusalCode, () => string>> = {
  'forbidden.read-only.edit': () => m.forbidden_read_only(),
  'forbidden.read-only.restore': () => m.forbidden_read_only_restore(),
  'forbidden.chair-only.secretariat': () => m.forbidden_chair_only(),
  'forbidden.chair-only.rule-bracket': () => m.negotiation_error_chair_only(),
  'forbidden.chair-only.urgent-call': () => m.calls_error_urgent_chair_only(),
  'forbidden.not-manager.publish': () => m.forbidden_not_manager_publish(),
  'forbidden.not-manager.withdraw': () => m.forbidden_not_manager_withdraw(),
  'forbidden.not-manager.sign-on': () => m.forbidden_not_manager_sign_on(),
  'forbidden.not-manager.notice': () => m.forbidden_not_manager_notice(),
  'forbidden.not-manager.sharing': () => m.forbidden_not_manager_sharing(),
  'forbidden.not-manager.coalition': () => m.forbidden_not_manager_coalition(),
  'forbidden.not-manager.audit': () => m.forbidden_not_manager_audit(),
  'forbidden.chair-only.hand': () => m.forbidden_chair_only_hand(),
  'forbidden.not-manager.open-call': () => m.forbidden_not_manager_open_call(),
  'forbidden.not-manager.run-call': () => m.forbidden_not_manager_run_call(),
  'forbidden.not-member.brackets': () => m.forbidden_not_member_brackets(),
  'forbidden.not-member.drafts': () => m.forbidden_not_member_drafts(),
  'forbidden.not-member.positions': () => m.forbidden_not_member_positions(),
};

/**
 * The message for a refusal in the request's language, or `fallback` (the English it came with)
 * when there is none. A policy refusal is recognised by its code and reason together (`refusalOf`).
 */
export function errorText(input: { code: string; fallback: string }): string {
  const refusal = refusalOf({ code: input.code, reason: input.fallback });
  return (refusal ? byRefusal[refusal]?.() : undefined) ?? byCode[input.code]?.() ?? input.fallback;
}

/** Whether a refusal has words of its own in the reader's language (not only its general code's). */
export function hasOwnWords(refusal: RefusalCode): boolean {
  return refusal in byRefusal;
}

/** Whether a general code has words in the reader's language. */
export function isWordedCode(code: string): boolean {
  return code in byCode;
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
