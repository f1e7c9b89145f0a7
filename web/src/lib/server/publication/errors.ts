/**
 * The publication and sign-on refusals in the reader's language, by code (the services word them
 * in English). Unknown codes keep the English they came with.
 */
import { translatedBy } from '../translated-refusals.ts';
import { m } from '../../paraglide/messages.js';

const byCode: Record<string, () => string> = {
  'publication.already-published': () => m.publication_error_already_published(),
  'publication.not-adopted': () => m.publication_error_not_adopted(),
  'publication.version-missing': () => m.publication_error_version_missing(),
  'publication.not-published': () => m.publication_error_not_published(),
  'publication.already-withdrawn': () => m.publication_error_already_withdrawn(),
  'publication.reason-required': () => m.publication_error_reason_required(),
  'publication.reason-too-long': () => m.publication_error_too_long(),
  'publication.title-required': () => m.publication_error_title_required(),
  'publication.title-too-long': () => m.publication_error_too_long(),
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
  'signon.name-too-long': () => m.publication_error_too_long(),
  'signon.name-invalid': () => m.publication_error_name_invalid(),
  'signon.import-too-long': () => m.publication_error_import_too_long(),
  'input.name': () => m.publication_error_name_required(),
  'input.country': () => m.publication_error_country_required(),
  'input.contact': () => m.publication_error_contact_required(),
  'input.signatories': () => m.publication_error_signatories_required(),
};

/** Runs `run`; a refusal with a known code comes back worded in the reader's language. */
export const translated = translatedBy(byCode);
