import { actionFailure } from '$lib/server/forms.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { declaration } from '$lib/server/publication/public.ts';
import type { PageServerLoad } from './$types';

// A public page: server-rendered HTML only, no JavaScript at all (works with it off, ships no editor).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  try {
    const view = await declaration({ ports: publicationPorts(), slug: params.slug, now: Date.now() });
    // Anonymous readers may share a cached copy briefly; a signed-in page shows who is signed in.
    if (!locals.principal) setHeaders({ 'cache-control': 'public, max-age=60' });
    return view;
  } catch (caught) {
    actionFailure(caught, 'load');
    throw caught;
  }
};
