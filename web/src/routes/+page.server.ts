import { webContext } from '$lib/server/context.ts';
import { listVisibleStatements } from '$lib/server/statements.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const principal = locals.principal;
  if (!principal) return { coalitionName: null, statements: [] };
  const context = webContext();
  const [coalition, visible] = await Promise.all([
    context.coalitions.get(principal.coalitionId),
    listVisibleStatements({ context, principal }),
  ]);
  return {
    coalitionName: coalition?.name ?? null,
    statements: visible.map(({ statement, access }) => ({
      id: statement.id,
      title: statement.title,
      language: statement.language,
      updatedAt: statement.updatedAt,
      access,
    })),
  };
};
