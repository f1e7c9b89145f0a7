import { webContext } from '$lib/server/context.ts';
import { auditPage, currentAnchor, parseBefore, verifyChain } from '$lib/server/audit-page.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

/**
 * `?before=<seq>` pages back; `?verify=1` (a GET form: it changes nothing) also verifies the whole
 * chain, against `?anchor=<count:hash>` when given.
 */
export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const context = await webContext();
  const before = parseBefore(event.url.searchParams.get('before'));
  const verify = event.url.searchParams.get('verify') === '1';
  const anchor = event.url.searchParams.get('anchor')?.slice(0, 200) ?? '';
  const [page, verdict, current] = await Promise.all([
    auditPage({ context, actor, before }),
    verify ? verifyChain({ context, actor, anchor }) : null,
    currentAnchor({ context, actor }),
  ]);
  return { page, first: before === undefined, verdict, anchor, current, coalitionId: actor.coalitionId };
};
