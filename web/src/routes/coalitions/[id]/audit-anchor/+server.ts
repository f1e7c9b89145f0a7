import { error, json } from '@sveltejs/kit';
import { isDomainError } from '@concord/core';
import { webContext } from '$lib/server/context.ts';
import { publicAnchor } from '$lib/server/audit-anchor.ts';
import type { RequestHandler } from './$types';

/** The coalition's audit anchor, public JSON (see `$lib/server/audit-anchor.ts`). */
export const GET: RequestHandler = async ({ params }) => {
  try {
    const anchor = await publicAnchor({ context: await webContext(), coalitionId: params.id });
    return json(anchor, { headers: { 'cache-control': 'public, max-age=0, s-maxage=60', 'access-control-allow-origin': '*' } });
  } catch (caught) {
    if (isDomainError(caught) && caught.kind === 'not-found') error(404, caught.message);
    throw caught;
  }
};
