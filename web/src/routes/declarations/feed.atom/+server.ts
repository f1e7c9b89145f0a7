import { atomFeed } from '$lib/server/publication/atom.ts';
import { publicCacheControl, publicLinkOrigin } from '$lib/server/links.ts';
import { configuredPublicUrl, publicationPorts } from '$lib/server/publication/context.ts';
import { declarationIndex } from '$lib/server/publication/public.ts';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
  const coalitionId = url.searchParams.get('coalition')?.slice(0, 80) || null;
  const records = await declarationIndex({ ports: publicationPorts(), coalitionId });
  const selfPath = coalitionId ? `/declarations/feed.atom?coalition=${encodeURIComponent(coalitionId)}` : '/declarations/feed.atom';
  const { origin, cacheable } = publicLinkOrigin({ configured: configuredPublicUrl(), requestOrigin: url.origin });
  const body = atomFeed({ records, origin, title: m.publication_feed_title(), withdrawnLabel: (title) => m.publication_feed_withdrawn({ title }), selfPath });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': publicCacheControl({ cacheable, shared: 'public, max-age=300' }) } });
};
