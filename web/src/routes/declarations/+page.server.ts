import { publicationPorts } from '$lib/server/publication/context.ts';
import { declarationIndex } from '$lib/server/publication/public.ts';
import type { PageServerLoad } from './$types';

// Public and script-free, like each declaration's page.
export const csr = false;

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const coalitionId = url.searchParams.get('coalition')?.slice(0, 80) || null;
  const q = url.searchParams.get('q')?.slice(0, 200) ?? '';
  const ports = publicationPorts();
  const records = await declarationIndex({ ports, coalitionId, q });
  // A coalition's own page shows the key its declarations are signed with.
  const key = coalitionId ? await ports.keys.publicKey(coalitionId) : null;
  if (!locals.principal) setHeaders({ 'cache-control': 'public, max-age=0, s-maxage=60' });
  return {
    coalitionId,
    q,
    coalitionKey: key ? { publicKey: key.publicKey, keyId: key.keyId, coalition: records[0]?.coalitionName ?? '' } : null,
    declarations: records.map((r) => ({ slug: r.slug, title: r.title, language: r.language, dir: r.dir, coalitionName: r.coalitionName, publishedAt: r.publishedAt, withdrawn: r.status === 'withdrawn' })),
  };
};
