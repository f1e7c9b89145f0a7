/**
 * Reading form posts, and what a failed action answers. Pages decode fields with these helpers,
 * call a `$lib/server` function, and map its DomainError with `actionFailure`: `input` and
 * `conflict` become `fail()` (the form is shown again with the message beside its field),
 * `not-found`/`forbidden`/`auth` become `error()`.
 */
import { DomainError, isDomainError } from '@concord/core';
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import { errorText } from './error-text.ts';
import { statusForErrorKind } from './http.ts';

/** A trimmed text field, at most `max` characters (longer input is cut, never trusted). */
export function textField(form: FormData, name: string, max = 200): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A secret field (password, code): not trimmed, only cut. */
export function secretField(form: FormData, name: string, max = 1024): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A checkbox: present means on. */
export function checkbox(form: FormData, name: string): boolean {
  const value = form.get(name);
  return value === 'on' || value === 'true' || value === '1';
}

/** Every value of a repeated field (checkboxes with one name), strings only, at most `max`. */
export function listField(form: FormData, name: string, max = 100): string[] {
  return form
    .getAll(name)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter(Boolean)
    .slice(0, max);
}

/** A validation problem with one field (or the whole form when `field` is omitted). */
export function invalid(input: { field?: string; message: string }): DomainError {
  return new DomainError({ kind: 'input', code: `input.${input.field ?? 'form'}`, message: input.message });
}

/** What a page gets back from a failed action: which form, which field, what to say. */
export interface FormProblem {
  /** The action's name, so a page with several forms shows the message at the right one. */
  form: string;
  /** The DomainError's code, e.g. `account.email-taken`. */
  code: string;
  field: string | null;
  message: string;
}

/**
 * Maps an error thrown by a `$lib/server` function: validation and conflicts → `fail`, the rest
 * → `error` (forbidden 403, not-found 404, auth 401). Anything that is not a DomainError (a
 * SvelteKit redirect or error included) is rethrown untouched.
 */
export function actionFailure(caught: unknown, form: string): ActionFailure<FormProblem> {
  if (!isDomainError(caught)) throw caught;
  const status = statusForErrorKind(caught.kind);
  if (caught.kind === 'input' || caught.kind === 'conflict') {
    const field = caught.code.startsWith('input.') && caught.code !== 'input.form' ? caught.code.slice('input.'.length) : null;
    return fail(status, { form, code: caught.code, field, message: errorText({ code: caught.code, fallback: caught.message }) });
  }
  error(status, caught.kind === 'not-found' ? m.error_not_found_or_hidden() : errorText({ code: caught.code, fallback: caught.message }));
}

/**
 * An action's body: runs `run`, maps a DomainError to the form's failure, and on success
 * redirects (303) to `then`, so a reload never posts twice.
 */
export async function perform(input: { form: string; run: () => Promise<unknown>; then: string | (() => string) }): Promise<ActionFailure<FormProblem>> {
  try {
    await input.run();
  } catch (caught) {
    return actionFailure(caught, input.form);
  }
  redirect(303, typeof input.then === 'function' ? input.then() : input.then);
}
