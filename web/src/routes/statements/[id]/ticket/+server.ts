import { error, json } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { isSameOrigin } from '$lib/server/http.ts';
import { findAccessibleStatement } from '$lib/server/statements.ts';
import { ticketUrl } from '$lib/ws-url.ts';
import type { RequestHandler } from './$types';

/**
 * A fresh single-use ticket for the statement's WebSocket, carrying who is connecting, their
 * session and whether they may write. Answers `{ url }`: the gateway URL (or the same-origin path
 * `/ws`) with `doc` and `ticket` in the query; the client resolves a path against the page's host.
 */
export const POST: RequestHandler = async ({ params, locals, request, url }) => {
  if (!isSameOrigin({ origin: request.headers.get('origin'), url })) error(403, 'Cross-site request refused.');
  const { principal, session } = locals;
  if (!principal || !session) error(401, 'Sign in first.');
  const context = await webContext();
  const found = await findAccessibleStatement({ directory: context.directory, principal, id: params.id });
  if (!found) error(404, 'There is no statement here, or you cannot see it.');
  const docId = found.statement.id;
  const ticket = await context.tickets.issue({ principal, sessionId: session.id, docId, access: found.access, now: Date.now() });
  return json({ url: ticketUrl({ gateway: context.gatewayUrl, docId, ticket }) }, { headers: { 'cache-control': 'no-store' } });
};
