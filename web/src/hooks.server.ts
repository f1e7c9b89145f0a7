import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { webContext } from '$lib/server/context.ts';
import { securityHeaders } from '$lib/server/http.ts';
import { demoUserCookie, parseUserId, resolvePrincipal } from '$lib/server/principal.ts';

/** Resolves who is acting from the demo cookie (later: from the session). */
const identify: Handle = async ({ event, resolve }) => {
  const userId = parseUserId(event.cookies.get(demoUserCookie));
  const context = userId ? webContext() : null;
  event.locals.principal = context
    ? await resolvePrincipal({
        userId,
        findUser: (id) => context.users.get(id),
        findOrganisation: (id) => context.organisations.get(id),
      })
    : null;
  return resolve(event);
};

/** Security headers beside the CSP that SvelteKit writes from `kit.csp`. */
const secure: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(securityHeaders({ https: event.url.protocol === 'https:' }))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
};

export const handle = sequence(secure, identify);
