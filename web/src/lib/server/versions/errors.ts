/** The versions' refusals in the reader's language; everything else goes the usual way (forms.ts). */
import { isDomainError } from '@concord/core';
import { versionNameLimit } from '@concord/versions';
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { actionFailure, type FormProblem } from '../forms.ts';
import { statusForErrorKind } from '../http.ts';

/** What a bad name was wrong with (checkedName gives one code, `input.name`, for all three). */
function nameProblem(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  if (trimmed === '') return m.versions_error_name_empty();
  if ([...trimmed.replace(/\s+/g, ' ')].length > versionNameLimit) return m.versions_error_name_long();
  return m.versions_error_name_control();
}

export function versionsFailure(caught: unknown, form: string, input: { name?: string } = {}): ActionFailure<FormProblem> {
  if (!isDomainError(caught)) throw caught;
  const status = statusForErrorKind(caught.kind);
  const say = (field: string | null, message: string) => fail(status, { form, code: caught.code, field, message });
  switch (caught.code) {
    case 'input.name':
      return say('name', nameProblem(input.name ?? ''));
    case 'versions.name-taken':
      return say('name', m.versions_error_name_taken());
    case 'versions.text-frozen':
      return say(null, m.versions_error_frozen());
    case 'versions.append-contended':
      return say(null, m.versions_error_busy());
    case 'versions.not-found':
      error(404, m.versions_error_not_found());
  }
  return actionFailure(caught, form);
}

/** For loads: a refusal becomes the error page (404 for what may not be seen). */
export function loadFailure(caught: unknown): never {
  if (!isDomainError(caught)) throw caught;
  if (caught.code === 'versions.not-found') error(404, m.versions_error_not_found());
  if (caught.kind === 'not-found') error(404, m.error_not_found_or_hidden());
  error(statusForErrorKind(caught.kind), caught.message);
}
