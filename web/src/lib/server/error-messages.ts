/**
 * The one registry of what a refusal says in the reader's language: from its code to the words
 * and the form field they belong beside. Services and the policy word their refusals in English
 * (for logs and API clients); pages show these. Looked up in this order:
 *
 * 1. a refusal of the policy, by its own code (`@concord/core` refusals.ts) — general codes such
 *    as `forbidden.not-manager` carry several;
 * 2. what the code means in the page's area (a date that is a call's deadline on the call page,
 *    a sign-on's end on the publication page);
 * 3. what the code means anywhere;
 * 4. for anything not found, the words that do not tell a hidden draft from a missing one;
 * 5. the English it came with.
 *
 * The field is the area's, else the one an `input.<field>` code names. Every refusal the policy
 * makes has words here (error-messages.test.ts).
 */
import { displayNameLimit } from '@concord/accounts';
import { inviteeNameLimit, nameLimit } from '@concord/coalition';
import { passwordRules, refusalOf, type ErrorKind, type PasswordIssue, type RefusalCode } from '@concord/core';
import { versionNameLimit } from '@concord/versions';
import { formatNumber } from '../format.ts';
import { m } from '../paraglide/messages.js';

/** Where a page's forms are: an area may give a general code a meaning of its own. */
export type Area = 'accounts' | 'calls' | 'coalition' | 'negotiation' | 'publication' | 'translations' | 'versions';

/** What the person submitted, for words that depend on it (what was wrong with a version's name). */
export interface Submitted {
  name?: string;
}

/** What the refusal itself says its words depend on (a DomainError's `details`: a name, a count). */
type Details = Readonly<Record<string, string | number>>;

interface Words {
  text: (submitted: Submitted, details: Details) => string;
  /** The form field the words go beside (`null`: the whole form). */
  field?: string | null;
}

const say = (text: (submitted: Submitted, details: Details) => string, field?: string | null): Words => ({ text, ...(field === undefined ? {} : { field }) });

/** Codes that mean the same wherever they come from. */
const general: Record<string, () => string> = {
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

/** The policy's refusals whose general code's words do not fit them (each general code with several refusals). */
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

/** What a bad version name was wrong with (the service gives one code, `input.name`, for all three). */
function nameProblem({ name = '' }: Submitted): string {
  const trimmed = name.normalize('NFC').trim();
  if (trimmed === '') return m.versions_error_name_empty();
  if ([...trimmed.replace(/\s+/g, ' ')].length > versionNameLimit) return m.versions_error_name_long();
  return m.versions_error_name_control();
}

const passwordTexts = {
  'password.too-short': () => m.password_too_short({ min: passwordRules.minLength }),
  'password.too-long': () => m.password_too_long({ max: passwordRules.maxLength }),
  'password.is-email': () => m.password_is_email(),
  'password.repetitive': () => m.password_repetitive(),
} as const satisfies Record<PasswordIssue, () => string>;

/** Codes as each area's services and forms mean them. */
const areas: Record<Area, Record<string, Words>> = {
  accounts: {
    'auth.no-account': say(() => m.error_sign_in_first()),
    'session.this-one': say(() => m.account_end_this_session(), null),
    'session.not-found': say(() => m.account_session_gone()),
    'account.confirm-limited': say(() => m.error_too_many_later(), 'password'),
    'account.wrong-password': say(() => m.account_wrong_password(), 'password'),
    'account.email-taken': say(() => m.invite_email_taken()),
    'invitation.invalid': say(() => m.invite_gone_title()),
    'invitation.name-missing': say(() => m.invite_name_missing(), 'name'),
    'invitation.name-too-long': say(() => m.error_at_most_characters({ max: displayNameLimit }), 'name'),
    'reset.invalid': say(() => m.reset_link_gone()),
    'two-factor.limited': say((_, { retryAfterMs = 0 }) => m.error_too_many_attempts({ when: minutesFrom(Number(retryAfterMs)) }), 'code'),
    'two-factor.already-on': say(() => m.two_factor_already_on(), null),
    'two-factor.enrolment-stale': say(() => m.two_factor_enrolment_stale(), null),
    'two-factor.code-mismatch': say(() => m.two_factor_code_mismatch(), 'code'),
    'two-factor.required': say(() => m.two_factor_cannot_disable(), null),
    'two-factor.code-wrong': say(() => m.two_factor_code_wrong(), 'code'),
    ...Object.fromEntries(Object.entries(passwordTexts).map(([issue, text]) => [issue, say(text, 'password')])),
  },
  calls: {
    ...tooLong(() => m.calls_error_too_long(), 'call.reason-too-long', 'call.explanation-too-long'),
    ...words({
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
  'call.extension-reason-required': () => m.calls_error_extension_reason(),
  'call.extension-not-later': () => m.calls_error_extension_not_later(),
  'call.changed': () => m.calls_error_changed(),
  'call.cannot-close-early': () => m.calls_error_cannot_close_early(),
  'call.not-in-electorate': () => m.calls_error_not_in_electorate(),
  'call.notice-too-short': () => m.calls_error_notice_too_short(),
  'call.urgent-reason-required': () => m.calls_error_urgent_reason(),
    }),
  },
  publication: {
    ...tooLong(() => m.publication_error_too_long(), 'publication.reason-too-long', 'publication.title-too-long', 'signon.name-too-long'),
    ...words({
  'publication.already-published': () => m.publication_error_already_published(),
  'publication.not-adopted': () => m.publication_error_not_adopted(),
  'publication.version-missing': () => m.publication_error_version_missing(),
  'publication.not-published': () => m.publication_error_not_published(),
  'publication.already-withdrawn': () => m.publication_error_already_withdrawn(),
  'publication.reason-required': () => m.publication_error_reason_required(),
  'publication.title-required': () => m.publication_error_title_required(),
  'publication.slug-invalid': () => m.publication_error_slug_invalid(),
  'publication.slug-taken': () => m.publication_error_slug_taken(),
  'signon.not-published': () => m.publication_error_not_published(),
  'signon.end-past': () => m.publication_error_end_past(),
  'signon.end-too-far': () => m.publication_error_end_too_far(),
  'input.date': () => m.publication_error_end_past(),
  'time.malformed': () => m.publication_error_end_past(),
  'signon.closed': () => m.publication_error_signon_closed(),
  'signon.members-only': () => m.publication_error_members_only(),
  'signon.already-endorsed': () => m.publication_error_already_endorsed(),
  'signon.not-pending': () => m.publication_error_not_pending(),
  'signon.name-invalid': () => m.publication_error_name_invalid(),
  'signon.import-too-long': () => m.publication_error_import_too_long(),
  'input.name': () => m.publication_error_name_required(),
  'input.country': () => m.publication_error_country_required(),
  'input.contact': () => m.publication_error_contact_required(),
  'input.signatories': () => m.publication_error_signatories_required(),
    }),
  },
  negotiation: words({
    'negotiation.text-not-saved': () => m.negotiation_error_not_saved(),
    'negotiation.text-changed': () => m.negotiation_error_text_changed(),
    'negotiation.deciding': () => m.negotiation_error_deciding(),
    'negotiation.decided': () => m.negotiation_error_decided(),
    'negotiation.text-frozen': () => m.negotiation_error_frozen(),
    'bracket.not-holder': () => m.negotiation_error_not_holder(),
    'bracket.already-agreed': () => m.negotiation_error_already_agreed(),
    'bracket.ruling-reason-empty': () => m.negotiation_error_ruling_reason(),
    'comment.mention-not-shared': () => m.negotiation_error_mention_not_shared(),
  }),
  coalition: {
    'organisation.name-missing': say(() => m.organisations_name_missing({ max: nameLimit }), 'name'),
    'organisation.name-taken': say(() => m.organisations_name_taken(), 'name'),
    'organisation.tier-unknown': say(() => m.organisations_choose_tier(), 'tier'),
    'organisation.group-unknown': say(() => m.organisations_choose_group(), 'stakeholderGroup'),
    'organisation.chair-stays-member': say(() => m.organisations_chair_stays_member(), 'tier'),
    'organisation.chair-member-only': say(() => m.organisations_chair_member_only(), 'chair'),
    'organisation.already-chair': say((_, { organisation = '' }) => m.organisations_already_chair({ organisation }), 'chair'),
    'task-force.name-missing': say(() => m.task_forces_name_missing({ max: nameLimit }), 'name'),
    'task-force.in-use': say((_, { count = 0, taskForce = '' }) => m.task_forces_in_use({ count, taskForce }), null),
    'notice.hours-invalid': say(() => m.coalition_notice_invalid(), 'notice'),
    'notice.coalition-missing': say(() => m.coalition_notice_invalid(), null),
    'invitation.email-invalid': say(() => m.error_email_format(), 'email'),
    'invitation.name-too-long': say(() => m.error_at_most_characters({ max: inviteeNameLimit }), 'name'),
    'invitation.email-has-account': say(() => m.people_email_has_account(), 'email'),
    'invitation.no-public-address': say(() => m.people_no_public_address(), null),
    'member.cannot-remove-self': say(() => m.people_cannot_remove_self(), null),
  },
  translations: {
    'translations.language': say(() => m.translations_error_language(), 'language'),
    'translations.exists': say(() => m.translations_error_exists(), 'language'),
    'translations.source-changed': say(() => m.translations_error_source_changed(), null),
    'translations.not-stale': say(() => m.translations_error_not_stale(), null),
    'translations.not-found': say(() => m.translations_error_not_found()),
  },
  versions: {
    'input.name': { text: nameProblem, field: 'name' },
    'versions.name-taken': say(() => m.versions_error_name_taken(), 'name'),
    'versions.text-frozen': say(() => m.versions_error_frozen(), null),
    'versions.append-contended': say(() => m.versions_error_busy(), null),
    'versions.not-found': say(() => m.versions_error_not_found()),
  },
};

/** Text over a limit: the limit the refusal carries (`fail.tooLong`), else the area's words without it. */
function tooLong(without: () => string, ...codes: string[]): Record<string, Words> {
  return Object.fromEntries(codes.map((code) => [code, say((_, { max }) => (typeof max === 'number' ? m.error_at_most_characters({ max: formatNumber({ value: max }) }) : without()))]));
}

function words(table: Record<string, () => string>): Record<string, Words> {
  return Object.fromEntries(Object.entries(table).map(([code, text]) => [code, say(text)]));
}

/** A refusal's words in the reader's language and the field they go beside, by the order above. */
export function wordsFor(input: { code: string; message: string; kind: ErrorKind; area?: Area; submitted?: Submitted; details?: Details }): { text: string; field: string | null } {
  const refusal = refusalOf({ code: input.code, reason: input.message });
  const own = refusal ? byRefusal[refusal] : undefined;
  const inArea = input.area ? areas[input.area][input.code] : undefined;
  const named = input.code.startsWith('input.') && input.code !== 'input.form' ? input.code.slice('input.'.length) : null;
  const field = inArea?.field === undefined ? named : inArea.field;
  if (own) return { text: own(), field };
  if (inArea) return { text: inArea.text(input.submitted ?? {}, input.details ?? {}), field };
  const anywhere = general[input.code];
  if (anywhere) return { text: anywhere(), field };
  return { text: input.kind === 'not-found' ? m.error_not_found_or_hidden() : input.message, field };
}

/** Whether the area has words of its own for `code`. */
export function isWordedIn(area: Area, code: string): boolean {
  return code in areas[area];
}

/**
 * Whether the area's words for `code` go on its form — beside the field they name, or on the
 * whole form (`null`) — rather than leaving the refusal under its own code.
 */
export function placesOnForm(area: Area, code: string): boolean {
  return areas[area][code]?.field !== undefined;
}

/** "in 4 minutes" for a refusal message, in the request's language. */
export function minutesFrom(ms: number): string {
  return m.retry_in_minutes({ minutes: Math.max(1, Math.ceil(ms / 60_000)) });
}

/** Whether a refusal of the policy has words of its own (not only its general code's). */
export function hasOwnWords(refusal: RefusalCode): boolean {
  return refusal in byRefusal;
}

/** Whether a general code has words wherever it comes from. */
export function isWordedCode(code: string): boolean {
  return code in general;
}


/** Why a new password is refused, in the request's language. */
export function passwordText(issue: PasswordIssue): string {
  return passwordTexts[issue]();
}
