import { authorize } from '@concord/core';
import { error, json } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { enforce } from '$lib/server/guard.ts';
import { isSameOrigin } from '$lib/server/http.ts';
import { readStage } from '$lib/server/stage.ts';
import { stageReader } from '$lib/server/stage-context.ts';
import { findAccessibleStatement } from '$lib/server/statements.ts';
import { ticketUrl } from '$lib/ws-url.ts';
import type { RequestHandler } from './$types';

/**
 * A fresh single-use ticket for the statement's WebSocket, carrying who is connecting, their
 * session and whether they may write. Answers `{ url, access }`: the gateway URL (or the same-origin
 * path `/ws`) with `doc` and `ticket` in the query, which the client resolves against the page's
 * host, and what the ticket allows now (`read`/`write`: sharing may have changed since the page
 * loaded). 401 signed out, 404 not shared: the editor stops retrying and says so.
 */
export const POST: RequestHandler = async ({ params, locals, request, url }) => {
  if (!isSameOrigin({ origin: request.headers.get('origin'), url })) error(403, 'Cross-site request refused.');
  const { principal, session } = locals;
  if (!principal || !session) error(401, 'Sign in first.');
  const context = await webContext();
  const found = await findAccessibleStatement({ directory: context.directory, principal, id: params.id });
  if (!found) error(404, 'There is no statement here, or you cannot see it.');
  enforce(authorize({ actor: principal, action: 'statement.read', ...found }), { hide: true });
  const docId = found.statement.id;
  // A text under a call or adopted opens read-only for everyone (the store refuses writes to a frozen one anyway).
  const { fixed } = await readStage({ reader: stageReader(), statementId: docId });
  const access = fixed ? 'read' : found.access;
  const ticket = await context.tickets.issue({ principal, sessionId: session.id, docId, access, now: Date.now() });
  return json({ url: ticketUrl({ gateway: context.gatewayUrl, docId, ticket }), access, frozen: fixed }, { headers: { 'cache-control': 'no-store' } });
};
