import { error } from '@sveltejs/kit';
import { isDomainError } from '@concord/core';
import { exportsDeps } from '$lib/server/exports/context.ts';
import { exportDeclaration } from '$lib/server/exports/declaration.ts';
import { exportFailure, exportHeaders } from '$lib/server/exports/exports.ts';
import { exportLabels } from '$lib/server/exports/labels.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { declaration } from '$lib/server/publication/public.ts';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** A published declaration as a file: public, like its page (only what was published exists here). */
export const GET: RequestHandler = async ({ params }) => {
  try {
    const view = await declaration({ ports: publicationPorts(), slug: params.slug, now: Date.now() });
    const file = await exportDeclaration({ deps: await exportsDeps(), view, format: params.format, labels: exportLabels() });
    // Endorsements change the file: shared caches may keep it a minute, as they do the page.
    return new Response(file.body, { headers: { ...exportHeaders(file), 'cache-control': 'public, max-age=0, s-maxage=60' } });
  } catch (caught) {
    if (isDomainError(caught) && caught.code === 'exports.withdrawn') error(410, m.exports_error_withdrawn());
    exportFailure(caught);
  }
};
