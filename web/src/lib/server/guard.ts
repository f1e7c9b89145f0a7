/**
 * Guards for routes and actions: who must be signed in, and what a policy decision becomes in
 * HTTP. Every load and action calls `authorize` from `@concord/core` and passes the decision here.
 */
import { isDomainError, type Decision, type Principal } from '@concord/core';
import { error, redirect } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import { wordsFor, type Area } from './error-messages.ts';
import { statusForErrorKind } from './http.ts';

/** The signed-in principal, or a redirect to sign in (coming back here afterwards). */
export function requirePrincipal(input: { locals: App.Locals; url: URL }): Principal {
  const { principal } = input.locals;
  if (!principal) redirect(303, `/signin?next=${encodeURIComponent(input.url.pathname + input.url.search)}`);
  return principal;
}

/**
 * Throws unless allowed. `hide` answers 404 instead of 403, for things whose very existence the
 * actor may not learn (drafts not shared with them).
 */
export function enforce(decision: Decision, options: { hide?: boolean } = {}): void {
  if (decision.allow) return;
  const message = wordsFor({ code: decision.code, message: decision.reason, kind: 'forbidden' }).text;
  if (decision.code === 'auth.signed-out') error(401, message);
  if (options.hide) error(404, m.error_not_found_or_hidden());
  error(403, message);
}

/**
 * A page's data, with a DomainError from `$lib/server` turned into the HTTP error it stands for
 * — an unknown or foreign id is our 404 (worded as for hidden drafts, unless the page's area has
 * words of its own), not a 500 — worded by the registry (`error-messages.ts`). Anything else
 * (SvelteKit's own redirects and errors included) passes through untouched.
 */
export async function loading<T>(run: () => Promise<T>, options: { area?: Area } = {}): Promise<T> {
  try {
    return await run();
  } catch (caught) {
    if (!isDomainError(caught)) throw caught;
    error(statusForErrorKind(caught.kind), wordsFor({ code: caught.code, message: caught.message, kind: caught.kind, details: caught.details, ...options }).text);
  }
}
