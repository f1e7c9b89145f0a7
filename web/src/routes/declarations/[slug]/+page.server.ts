import { loading } from '$lib/server/guard.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { proofOf } from '$lib/server/publication/proof.ts';
import { declaration } from '$lib/server/publication/public.ts';
import type { PageServerLoad } from './$types';

// A public page: server-rendered HTML only, no JavaScript at all (works with it off, ships no editor).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  const view = await loading(() => declaration({ ports: publicationPorts(), slug: params.slug, now: Date.now() }), { area: 'publication' });
  // Shared caches (a CDN) may keep an anonymous copy a minute; browsers revalidate, so a new endorsement shows on reload.
  // A signed-in page shows who is signed in: never shared.
  if (!locals.principal) setHeaders({ 'cache-control': 'public, max-age=0, s-maxage=60' });
  return { ...view, proof: proofOf(view.publication) };
};
