import { requirePrincipal } from '$lib/server/guard.ts';
import { exportsDeps } from '$lib/server/exports/context.ts';
import { exportFailure, exportHeaders, exportStatement } from '$lib/server/exports/exports.ts';
import { exportLabels } from '$lib/server/exports/labels.ts';
import { versionNumber } from '$lib/server/versions/versions.ts';
import type { RequestHandler } from './$types';

/** A stored version of a statement as a file (statement.read; hidden drafts are not found). */
export const GET: RequestHandler = async (event) => {
  const principal = requirePrincipal(event);
  try {
    const seq = versionNumber(event.params.seq);
    const file = await exportStatement({ deps: await exportsDeps(), principal, statementId: event.params.id, seq, format: event.params.format, labels: exportLabels() });
    return new Response(file.body, { headers: exportHeaders(file) });
  } catch (caught) {
    exportFailure(caught);
  }
};
