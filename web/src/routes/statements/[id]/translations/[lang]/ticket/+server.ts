import { isDomainError } from '@concord/core';
import { error, json } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { isSameOrigin } from '$lib/server/http.ts';
import { translationsDeps } from '$lib/server/translations/context.ts';
import { translationTicketAccess } from '$lib/server/translations/translations.ts';
import { ticketUrl } from '$lib/ws-url.ts';
import type { RequestHandler } from './$types';

/**
 * A fresh single-use ticket for a translation's WebSocket: as the statement's ticket, with the
 * translation's document id. Write access when the policy lets the person translate
 * (`statement.translate`), read otherwise. A consensus call freezes the statement's text, not its
 * translations: they are other documents. 401 signed out, 404 not shared or no such translation.
 */
export const POST: RequestHandler = async ({ params, locals, request, url }) => {
  if (!isSameOrigin({ origin: request.headers.get('origin'), url })) error(403, 'Cross-site request refused.');
  const { principal, session } = locals;
  if (!principal || !session) error(401, 'Sign in first.');
  let granted: Awaited<ReturnType<typeof translationTicketAccess>>;
  try {
    granted = await translationTicketAccess({ deps: await translationsDeps(), principal, statementId: params.id, language: params.lang });
  } catch (caught) {
    if (isDomainError(caught) && caught.kind === 'not-found') error(404, 'There is no translation here, or you cannot see it.');
    throw caught;
  }
  const context = await webContext();
  const { docId, access } = granted;
  const ticket = await context.tickets.issue({ principal, sessionId: session.id, docId, access, now: Date.now() });
  return json({ url: ticketUrl({ gateway: context.gatewayUrl, docId, ticket }), access, frozen: false }, { headers: { 'cache-control': 'no-store' } });
};
