import { isDomainError } from '@concord/core';
import { json } from '@sveltejs/kit';
import { publicCacheControl, publicLinkOrigin } from '$lib/server/links.ts';
import { configuredPublicUrl, publicationPorts } from '$lib/server/publication/context.ts';
import { declaration, declarationJson } from '$lib/server/publication/public.ts';
import type { RequestHandler } from './$types';

/** One declaration: its text, adoption record, translations and verified endorsements. */
export const GET: RequestHandler = async ({ params, url }) => {
  const { origin, cacheable } = publicLinkOrigin({ configured: configuredPublicUrl(), requestOrigin: url.origin });
  try {
    const view = await declaration({ ports: publicationPorts(), slug: params.slug, now: Date.now() });
    return json(declarationJson(view, origin), { headers: { 'cache-control': publicCacheControl({ cacheable, shared: 'public, max-age=0, s-maxage=60' }), 'access-control-allow-origin': '*' } });
  } catch (caught) {
    if (isDomainError(caught) && caught.kind === 'not-found') return json({ error: { code: caught.code } }, { status: 404 });
    throw caught;
  }
};
