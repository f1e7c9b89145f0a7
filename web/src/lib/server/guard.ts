/**
 * Guards for routes and actions: who must be signed in, and what a policy decision becomes in
 * HTTP. Every load and action calls `authorize` from `@concord/core` and passes the decision here.
 */
import type { Decision, Principal } from '@concord/core';
import { error, redirect } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import { errorText } from './error-text.ts';

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
  const message = errorText({ code: decision.code, fallback: decision.reason });
  if (decision.code === 'auth.signed-out') error(401, message);
  if (options.hide) error(404, m.error_not_found_or_hidden());
  error(403, message);
}
