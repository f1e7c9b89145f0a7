import { error, json } from '@sveltejs/kit';
import { negotiationPorts, webContext } from '$lib/server/context.ts';
import { mailLinkOrigin } from '$lib/server/links.ts';
import { jsonRefusal } from '$lib/server/forms.ts';
import { isSameOrigin } from '$lib/server/http.ts';
import { negotiate, negotiationState } from '@concord/negotiation';
import type { RequestHandler } from './$types';

/**
 * The statement's comments, amendments and brackets for the live editor (PROTOCOL.md §7).
 * GET: the state the person may see (`NegotiationView`). POST `{ op, … }` (see `@concord/negotiation` input.ts): one
 * act, authorized by the core policy here; answers `{ id, state }`, or `{ code, message }` with
 * 400 (bad input), 403 (the policy refused), 404 (not shared, or no such item), 409 (it changed
 * meanwhile: someone decided first, the text moved, edits not saved yet).
 */
const noStore = { 'cache-control': 'no-store' };

/** Worded in the person's language by the one registry; not shared and missing look the same, so a draft's existence does not leak. */
const refusal = (thrown: unknown): Response => jsonRefusal(thrown, { area: 'negotiation', headers: noStore });

export const GET: RequestHandler = async ({ params, locals }) => {
  const { principal } = locals;
  if (!principal) error(401, 'Sign in first.');
  try {
    return json(await negotiationState({ ports: await negotiationPorts(), principal, statementId: params.id }), { headers: noStore });
  } catch (thrown) {
    return refusal(thrown);
  }
};

export const POST: RequestHandler = async ({ params, locals, request, url, getClientAddress }) => {
  if (!isSameOrigin({ origin: request.headers.get('origin'), url })) error(403, 'Cross-site request refused.');
  const { principal } = locals;
  if (!principal) error(401, 'Sign in first.');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ code: 'negotiation.invalid-request', message: 'The request could not be read.' }, { status: 400, headers: noStore });
  }
  try {
    const ports = await negotiationPorts();
    const linkOrigin = mailLinkOrigin({ configured: (await webContext()).publicUrl, requestOrigin: url.origin, clientAddress: getClientAddress() });
    const { id } = await negotiate({ ports, principal, statementId: params.id, body, linkOrigin });
    return json({ id, state: await negotiationState({ ports, principal, statementId: params.id }) }, { headers: noStore });
  } catch (thrown) {
    return refusal(thrown);
  }
};
