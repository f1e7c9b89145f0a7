import { json } from '@sveltejs/kit';
import { exportAccount } from '$lib/server/accounts/account.ts';
import { webContext } from '$lib/server/context.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import type { RequestHandler } from './$types';

/** The person's data as a JSON download. */
export const GET: RequestHandler = async (event) => {
  const principal = requirePrincipal(event);
  const now = Date.now();
  const body = await exportAccount({ context: await webContext(), principal, now });
  const day = new Date(now).toISOString().slice(0, 10);
  return json(body, {
    headers: { 'content-disposition': `attachment; filename="concord-account-${day}.json"`, 'cache-control': 'private, no-store' },
  });
};
