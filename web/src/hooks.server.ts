import { twoFactorRequired } from '@concord/core';
import { error, redirect, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { limitRequestBody, requestBodyLimit } from '$lib/server/body-limit.ts';
import { webContext } from '$lib/server/context.ts';
import { securityHeaders } from '$lib/server/http.ts';
import { rememberProfileLocale } from '$lib/server/locale.ts';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { m } from '$lib/paraglide/messages.js';
import { getTextDirection } from '$lib/paraglide/runtime.js';
import { resolvePrincipal } from '$lib/server/principal.ts';
import { readSession, sessionCookieName } from '$lib/server/accounts/session.ts';

/** Who is acting, from the session cookie; renews or rotates the session when due. */
const authenticate: Handle = async ({ event, resolve }) => {
  Object.assign(event.locals, { principal: null, session: null, account: null, pendingTwoFactor: null });
  const secure = event.url.protocol === 'https:';
  if (!event.cookies.get(sessionCookieName({ secure }))) return resolve(event);
  const context = await webContext();
  const state = await readSession({ ...context, cookies: event.cookies, secure, now: Date.now() });
  if (state.kind === 'pending-two-factor') event.locals.pendingTwoFactor = state.session;
  if (state.kind === 'active') {
    const principal = await resolvePrincipal({ directory: context.directory, userId: state.account.userId });
    if (principal) {
      event.locals.principal = principal;
      event.locals.session = state.session;
      event.locals.account = { email: state.account.email, hasTwoFactor: state.account.totpKey !== null, locale: state.account.locale ?? null };
    }
  }
  return resolve(event);
};

/**
 * The language of the answer, decided before anything renders (no flash of another language):
 * messages called while this request is handled, on the page or in `$lib/server`, use it.
 */
const localise: Handle = async ({ event, resolve }) => {
  rememberProfileLocale({ request: event.request, locale: event.locals.account?.locale });
  const response = await paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale)),
    });
  });
  // The same address answers in other languages for other browsers and choices.
  response.headers.append('vary', 'Accept-Language, Cookie');
  return response;
};

/**
 * Every request body is read through one cap: past it, the action or endpoint reading it gets
 * our 413 in the reader's language (the page shows it; nothing is stored, since nothing was read).
 */
const limitBody: Handle = async ({ event, resolve }) => {
  event.request = limitRequestBody({ request: event.request, limit: requestBodyLimit, refuse: () => error(413, m.error_body_too_large()) });
  return resolve(event);
};

/** Pages a person who owes two-factor enrolment may still reach. */
const enrolmentPaths = ['/account/two-factor', '/signout', '/locale'];

/** Chair delegations, the secretariat and organisation leads enrol two-factor before anything else. */
const requireTwoFactor: Handle = async ({ event, resolve }) => {
  const { principal, account } = event.locals;
  const owes = principal && account && !account.hasTwoFactor && twoFactorRequired(principal);
  if (owes && !enrolmentPaths.some((path) => event.url.pathname.startsWith(path)) && !event.url.pathname.startsWith('/_app/')) {
    redirect(303, '/account/two-factor?required=1');
  }
  return resolve(event);
};

/** Security headers beside the CSP that SvelteKit writes from `kit.csp`. */
const secure: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(securityHeaders({ https: event.url.protocol === 'https:' }))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages for a signed-in person must not be kept by shared caches.
  if (event.locals.principal && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  return response;
};

export const handle = sequence(secure, authenticate, localise, limitBody, requireTwoFactor);
