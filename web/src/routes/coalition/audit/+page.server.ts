import { webContext } from '$lib/server/context.ts';
import { auditPage, parseBefore, verifyChain } from '$lib/server/audit-page.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

/** `?before=<seq>` pages back; `?verify=1` (a GET form: it changes nothing) also verifies the whole chain. */
export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const context = await webContext();
  const before = parseBefore(event.url.searchParams.get('before'));
  const verify = event.url.searchParams.get('verify') === '1';
  const [page, verdict] = await Promise.all([auditPage({ context, actor, before }), verify ? verifyChain({ context, actor }) : null]);
  return { page, first: before === undefined, verdict };
};
