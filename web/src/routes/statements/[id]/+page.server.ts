import { error } from '@sveltejs/kit';
import { callContext } from '$lib/server/calls/context.ts';
import { webContext } from '$lib/server/context.ts';
import { enforce, requirePrincipal } from '$lib/server/guard.ts';
import { readStage } from '$lib/server/stage.ts';
import { stageReader } from '$lib/server/stage-context.ts';
import { findAccessibleStatement } from '$lib/server/statements.ts';
import { authorize } from '@concord/core';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  const { directory } = await webContext();
  const found = await findAccessibleStatement({ directory, principal, id: event.params.id });
  // Missing and not shared look the same, so a draft's existence does not leak.
  if (!found) error(404, m.statement_not_found());
  enforce(authorize({ actor: principal, action: 'statement.read', ...found }), { hide: true });
  const { statement } = found;
  const { ports } = callContext();
  const [{ fixed: frozen, stage }, calls] = await Promise.all([readStage({ reader: stageReader(), statementId: statement.id }), ports.calls.listByStatement(statement.id)]);
  // A text frozen for a consensus call (or adopted) reads the same for everyone until it thaws.
  const adopted = calls.find((c) => c.outcome?.result === 'adopted');
  // The version the text is frozen at (or was adopted as), with its hash: shown wherever the text is.
  const fixed = calls.find((c) => c.status === 'open') ?? adopted;
  const access = frozen ? 'read' : found.access;
  const penHolders = await Promise.all(statement.penHolderIds.map((id) => directory.organisations.get(id)));
  return {
    statement: { id: statement.id, title: statement.title, language: statement.language, updatedAt: statement.updatedAt },
    access,
    frozen,
    stage,
    adoptedVersion: adopted ? adopted.version.name : null,
    fixedVersion: frozen && fixed ? { name: fixed.version.name, hash: fixed.version.hash } : null,
    penHolders: penHolders.flatMap((org) => (org ? [org.name] : [])),
    canConfigure: authorize({ actor: principal, action: 'statement.configure', ...found }).allow,
    principal,
  };
};
