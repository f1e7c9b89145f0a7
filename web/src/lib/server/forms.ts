/**
 * Reading form posts, and what a failed action answers. Pages decode fields with these helpers
 * and run a `$lib/server` function through `act`, which maps its DomainError: `input` and
 * `conflict` become `fail()` (the form is shown again with the message beside its field),
 * `not-found`/`forbidden`/`auth` become `error()` — worded by the one registry
 * (`error-messages.ts`), as the page's area means the code.
 */
import { DomainError, isDomainError } from '@concord/core';
import { error, fail, json, redirect, type ActionFailure } from '@sveltejs/kit';
import { wordsFor, type Area, type Submitted } from './error-messages.ts';
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

/** How a page's refusals are worded: its area (error-messages.ts), and what was submitted when the words depend on it. */
export interface Wording {
  area?: Area;
  submitted?: Submitted;
}

/**
 * Maps an error thrown by a `$lib/server` function: validation and conflicts → `fail`, the rest
 * → `error` (forbidden 403, not-found 404, auth 401). Anything that is not a DomainError (a
 * SvelteKit redirect or error included) is rethrown untouched.
 */
export function actionFailure(caught: unknown, form: string, wording: Wording = {}): ActionFailure<FormProblem> {
  if (!isDomainError(caught)) throw caught;
  const status = statusForErrorKind(caught.kind);
  const { text, field } = wordsFor({ code: caught.code, message: caught.message, kind: caught.kind, details: caught.details, ...wording });
  if (caught.kind === 'input' || caught.kind === 'conflict') return fail(status, { form, code: caught.code, field, message: text });
  error(status, text);
}

/**
 * Every form action's body: runs `run`, maps a DomainError to the form's failure (worded as the
 * page's area means it), and on success redirects (303) to `then`, so a reload never posts twice
 * — or, with no `then`, answers what `run` returned (an action that shows a result in place).
 */
export async function act<T>(input: { form: string; run: () => Promise<T>; then: string | ((result: T) => string) } & Wording): Promise<ActionFailure<FormProblem>>;
export async function act<T>(input: { form: string; run: () => Promise<T> } & Wording): Promise<ActionFailure<FormProblem> | T>;
export async function act<T>(input: { form: string; run: () => Promise<T>; then?: string | ((result: T) => string) } & Wording): Promise<ActionFailure<FormProblem> | T> {
  let result: T;
  try {
    result = await input.run();
  } catch (caught) {
    return actionFailure(caught, input.form, { ...(input.area ? { area: input.area } : {}), ...(input.submitted ? { submitted: input.submitted } : {}) });
  }
  if (input.then === undefined) return result;
  redirect(303, typeof input.then === 'function' ? input.then(result) : input.then);
}

/**
 * A JSON endpoint's refusal, worded as a form's would be: `{ code, message }` with the status the
 * error's kind stands for (not-found and not-shared alike: 404, with words that tell them apart
 * to no one). Anything that is not a DomainError is rethrown.
 */
export function jsonRefusal(caught: unknown, options: Wording & { headers?: Record<string, string> } = {}): Response {
  if (!isDomainError(caught)) throw caught;
  const { headers, ...wording } = options;
  const { text } = wordsFor({ code: caught.code, message: caught.message, kind: caught.kind, details: caught.details, ...wording });
  return json({ code: caught.code, message: text }, { status: statusForErrorKind(caught.kind), ...(headers ? { headers } : {}) });
}
