import { authorize } from '@concord/core';
import { webContext } from '$lib/server/context.ts';
import { listVisibleStatements } from '$lib/server/statements.ts';
import { callsDashboard } from '$lib/server/calls/dashboard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const principal = locals.principal;
  if (!principal) return { coalitionName: null, statements: [], canCreate: false, calls: null };
  const context = await webContext();
  const [coalition, visible] = await Promise.all([
    context.directory.coalitions.get(principal.coalitionId),
    listVisibleStatements({ directory: context.directory, activity: context.activity, principal }),
  ]);
  return {
    calls: await callsDashboard({ actor: principal, statements: visible.map(({ statement }) => statement) }),
    coalitionName: coalition?.name ?? null,
    canCreate: authorize({ actor: principal, action: 'statement.create', coalitionId: principal.coalitionId }).allow,
    statements: visible.map(({ statement, access }) => ({
      id: statement.id,
      title: statement.title,
      language: statement.language,
      updatedAt: statement.updatedAt,
      scope: statement.visibility.scope,
      access,
    })),
  };
};
