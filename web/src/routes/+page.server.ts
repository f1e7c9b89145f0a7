import { authorize, textAccess } from '@concord/core';
import { webContext } from '$lib/server/context.ts';
import { readStage } from '$lib/server/stage.ts';
import { stageReader } from '$lib/server/stage-context.ts';
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
  const reader = stageReader();
  // Each statement's stage decides what the list offers: "Read" wherever the text cannot change.
  const stages = await Promise.all(visible.map(({ statement }) => readStage({ reader, statementId: statement.id })));
  return {
    calls: await callsDashboard({ actor: principal, statements: visible.map(({ statement }) => statement) }),
    coalitionName: coalition?.name ?? null,
    canCreate: authorize({ actor: principal, action: 'statement.create', coalitionId: principal.coalitionId }).allow,
    statements: visible.map(({ statement, access }, index) => ({
      id: statement.id,
      title: statement.title,
      language: statement.language,
      updatedAt: statement.updatedAt,
      scope: statement.visibility.scope,
      stage: stages[index]?.stage ?? 'draft',
      access: textAccess({ access, stage: stages[index]?.stage ?? 'draft', frozen: stages[index]?.frozen ?? false }),
    })),
  };
};
