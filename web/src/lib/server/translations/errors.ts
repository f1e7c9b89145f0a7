/** The translations' refusals in the reader's language; everything else goes the usual way (forms.ts). */
import { isDomainError } from '@concord/core';
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { actionFailure, type FormProblem } from '../forms.ts';
import { statusForErrorKind } from '../http.ts';

const messages: Record<string, { field: string | null; text: () => string }> = {
  'translations.language': { field: 'language', text: () => m.translations_error_language() },
  'translations.exists': { field: 'language', text: () => m.translations_error_exists() },
  'translations.source-changed': { field: null, text: () => m.translations_error_source_changed() },
  'translations.not-stale': { field: null, text: () => m.translations_error_not_stale() },
};

export function translationsFailure(caught: unknown, form: string): ActionFailure<FormProblem> {
  if (!isDomainError(caught)) throw caught;
  if (caught.code === 'translations.not-found') error(404, m.translations_error_not_found());
  const known = messages[caught.code];
  if (known) return fail(statusForErrorKind(caught.kind), { form, code: caught.code, field: known.field, message: known.text() });
  return actionFailure(caught, form);
}

/** For loads: a refusal becomes the error page (404 for what may not be seen). */
export function loadFailure(caught: unknown): never {
  if (!isDomainError(caught)) throw caught;
  if (caught.code === 'translations.not-found') error(404, m.translations_error_not_found());
  if (caught.kind === 'not-found') error(404, m.error_not_found_or_hidden());
  error(statusForErrorKind(caught.kind), caught.message);
}
