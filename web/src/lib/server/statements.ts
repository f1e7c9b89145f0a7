/** Statement lookups with the access check every page and endpoint must make. */
import { documentAccess, type DocumentAccess, type Principal, type Statement } from '@concord/core';
import type { WebContext } from './context.ts';

export interface AccessibleStatement {
  statement: Statement;
  access: Exclude<DocumentAccess, 'none'>;
}

/**
 * The statement and what `principal` may do with it, or null when it does not exist *or* the
 * principal may not see it — callers answer 404 either way, so a draft's existence never leaks.
 */
export async function findAccessibleStatement(input: {
  context: WebContext;
  principal: Principal;
  id: string;
}): Promise<AccessibleStatement | null> {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(input.id)) return null;
  const statement = await input.context.statements.get(input.id);
  if (!statement) return null;
  const access = documentAccess({ principal: input.principal, statement });
  return access === 'none' ? null : { statement, access };
}

/**
 * The statements of the principal's coalition they may see, most recently edited first (the
 * text's last write, or the metadata's when the text was never edited).
 */
export async function listVisibleStatements(input: { context: WebContext; principal: Principal }) {
  const { context, principal } = input;
  const statements = await context.statements.listByCoalition(principal.coalitionId);
  const visible = statements
    .map((statement) => ({ statement, access: documentAccess({ principal, statement }) }))
    .filter((entry) => entry.access !== 'none');
  const written = await context.activity.lastWritten({ docIds: visible.map((entry) => entry.statement.id) });
  return visible
    .map(({ statement, access }) => ({
      statement: { ...statement, updatedAt: Math.max(statement.updatedAt, written.get(statement.id) ?? 0) },
      access,
    }))
    .sort((a, b) => b.statement.updatedAt - a.statement.updatedAt);
}
