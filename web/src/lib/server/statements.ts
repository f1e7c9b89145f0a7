/** Statement lookups with the access check every page and endpoint must make. */
import { authorize, fail, statementAccess, type Principal, type Statement, type StatementAccess, type TaskForce } from '@concord/core';
import type { Directory } from './ports.ts';

export interface AccessibleStatement {
  statement: Statement;
  taskForce: TaskForce | null;
  access: Exclude<StatementAccess, 'none'>;
}

/**
 * The statement, its task force and what `principal` may do with it, or null when it does not
 * exist *or* the principal may not see it — callers answer 404 either way, so a draft's
 * existence never leaks.
 */
export async function findAccessibleStatement(input: {
  directory: Directory;
  principal: Principal;
  id: string;
}): Promise<AccessibleStatement | null> {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(input.id)) return null;
  const statement = await input.directory.statements.get(input.id);
  if (!statement) return null;
  const taskForceId = statement.visibility.taskForceId;
  const taskForce = statement.visibility.scope === 'task-force' && taskForceId ? await input.directory.taskForces.get(taskForceId) : null;
  const access = statementAccess({ actor: input.principal, statement, taskForce });
  return access === 'none' ? null : { statement, taskForce, access };
}

/**
 * The statement the principal may read (`statement.read`, the core policy), or a not-found error —
 * the same for a missing statement and a hidden one, so a draft's existence never leaks.
 */
export async function readableStatement(input: { directory: Directory; principal: Principal; id: string }): Promise<AccessibleStatement> {
  const found = await findAccessibleStatement(input);
  if (!found || !authorize({ actor: input.principal, action: 'statement.read', ...found }).allow) throw fail.notFound('statement.not-found', 'There is no statement here, or you cannot see it.');
  return found;
}

/**
 * The statements of the principal's coalition they may see, most recently edited first (the
 * text's last write, or the metadata's when the text was never edited).
 */
export async function listVisibleStatements(input: {
  directory: Directory;
  activity: { lastWritten(input: { docIds: readonly string[] }): Promise<Map<string, number>> };
  principal: Principal;
}) {
  const { directory, principal } = input;
  const [statements, taskForces] = await Promise.all([
    directory.statements.listByCoalition(principal.coalitionId),
    directory.taskForces.listByCoalition(principal.coalitionId),
  ]);
  const byId = new Map(taskForces.map((taskForce) => [taskForce.id, taskForce]));
  const visible = statements
    .map((statement) => ({
      statement,
      access: statementAccess({ actor: principal, statement, taskForce: byId.get(statement.visibility.taskForceId ?? '') ?? null }),
    }))
    .filter((entry): entry is { statement: Statement; access: 'read' | 'write' } => entry.access !== 'none');
  const written = await input.activity.lastWritten({ docIds: visible.map((entry) => entry.statement.id) });
  return visible
    .map(({ statement, access }) => ({
      statement: { ...statement, updatedAt: Math.max(statement.updatedAt, written.get(statement.id) ?? 0) },
      access,
    }))
    .sort((a, b) => b.statement.updatedAt - a.statement.updatedAt);
}
