import { error, redirect } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { findAccessibleStatement } from '$lib/server/statements.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const principal = locals.principal;
  if (!principal) redirect(303, `/demo?next=${encodeURIComponent(url.pathname)}`);
  const found = await findAccessibleStatement({ context: webContext(), principal, id: params.id });
  // Missing and forbidden look the same, so a draft's existence does not leak.
  if (!found) error(404, 'There is no statement here, or you cannot see it.');
  const { statement, access } = found;
  return {
    statement: { id: statement.id, title: statement.title, language: statement.language, updatedAt: statement.updatedAt },
    access,
    principal,
  };
};
