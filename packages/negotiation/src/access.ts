/**
 * Every negotiation act starts here: the statement, if the person may see it (else not-found,
 * so a draft's existence does not leak), and the core policy's decision for the act.
 */
import { authorize, fail, type Principal, type Statement, type StatementAction, type TaskForce } from '@concord/core';
import type { NegotiationPorts } from './ports.ts';

export type NegotiationAction = Extract<StatementAction, 'statement.read' | 'statement.comment' | 'statement.propose-amendment' | 'statement.decide-amendment' | 'statement.bracket' | 'statement.rule-bracket'>;

export interface Negotiating {
  statement: Statement;
  taskForce: TaskForce | null;
  principal: Principal;
  /** Who acts, for the store: the person and the organisation they act for. */
  actor: { userId: string; organisationId: string };
}

/** The statement and the actor, once the policy allows `action`; a DomainError otherwise. */
export async function negotiating(input: { ports: Pick<NegotiationPorts, 'statements'>; principal: Principal; statementId: string; action: NegotiationAction }): Promise<Negotiating> {
  const { principal } = input;
  const found = await input.ports.statements.accessible({ principal, id: input.statementId });
  if (!found) throw fail.notFound('statement.not-found', 'There is no statement here, or you cannot see it.');
  const decision = authorize({ actor: principal, action: input.action, statement: found.statement, taskForce: found.taskForce });
  if (!decision.allow) throw fail.forbidden(decision.code, decision.reason);
  return { statement: found.statement, taskForce: found.taskForce, principal, actor: { userId: principal.userId, organisationId: principal.organisationId } };
}

/** Whether the policy allows `action` (for the actions offered in the view). */
export function allows(input: { principal: Principal; statement: Statement; taskForce: TaskForce | null; action: NegotiationAction }): { allow: boolean; reason?: string; code?: string } {
  const decision = authorize({ actor: input.principal, action: input.action, statement: input.statement, taskForce: input.taskForce });
  return decision.allow ? { allow: true } : { allow: false, reason: decision.reason, code: decision.code };
}
