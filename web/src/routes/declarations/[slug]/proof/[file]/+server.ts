import { error } from '@sveltejs/kit';
import { isDomainError } from '@concord/core';
import { exportHeaders } from '$lib/server/exports/exports.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { proofFile } from '$lib/server/publication/proof.ts';
import { declaration } from '$lib/server/publication/public.ts';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** The signed adoption record, its signature and the coalition's key: public, and never changing once published. */
export const GET: RequestHandler = async ({ params }) => {
  try {
    const { publication } = await declaration({ ports: publicationPorts(), slug: params.slug, now: Date.now() });
    const file = proofFile({ publication, file: params.file });
    return new Response(file.body, { headers: { ...exportHeaders(file), 'cache-control': 'public, max-age=3600' } });
  } catch (caught) {
    if (isDomainError(caught) && caught.kind === 'not-found') error(404, m.error_not_found_or_hidden());
    throw caught;
  }
};
