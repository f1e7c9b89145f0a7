import { requirePrincipal } from '$lib/server/guard.ts';
import { exportsDeps } from '$lib/server/exports/context.ts';
import { exportFailure, exportHeaders, exportStatement } from '$lib/server/exports/exports.ts';
import { exportLabels } from '$lib/server/exports/labels.ts';
import type { RequestHandler } from './$types';

/** The current text of a statement as a file (statement.read; hidden drafts are not found). */
export const GET: RequestHandler = async (event) => {
  const principal = requirePrincipal(event);
  try {
    const file = await exportStatement({ deps: await exportsDeps(), principal, statementId: event.params.id, seq: null, format: event.params.format, labels: exportLabels() });
    return new Response(file.body, { headers: exportHeaders(file) });
  } catch (caught) {
    exportFailure(caught);
  }
};
