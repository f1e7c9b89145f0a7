import { publicationPorts } from '$lib/server/publication/context.ts';
import { declarationIndex } from '$lib/server/publication/public.ts';
import type { PageServerLoad } from './$types';

// Public and script-free, like each declaration's page.
export const csr = false;

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const coalitionId = url.searchParams.get('coalition')?.slice(0, 80) || null;
  const q = url.searchParams.get('q')?.slice(0, 200) ?? '';
  const records = await declarationIndex({ ports: publicationPorts(), coalitionId, q });
  if (!locals.principal) setHeaders({ 'cache-control': 'public, max-age=0, s-maxage=60' });
  return {
    coalitionId,
    q,
    declarations: records.map((r) => ({ slug: r.slug, title: r.title, language: r.language, dir: r.dir, coalitionName: r.coalitionName, publishedAt: r.publishedAt, withdrawn: r.status === 'withdrawn' })),
  };
};
