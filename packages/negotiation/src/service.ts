/**
 * One negotiation act, end to end: read the request, ask the core policy (on the server, every
 * time), do it through the store, then tell the statement's open editors to refetch.
 */
import type { Principal } from '@concord/core';
import { negotiating, type NegotiationAction } from './access.ts';
import { amendmentAct } from './amendments.ts';
import { bracketAct } from './brackets.ts';
import type { NegotiationPorts } from './ports.ts';
import { readOp, type NegotiationOp } from './input.ts';
import { announce } from './record.ts';
import { threadAct } from './threads.ts';

/** The policy action each act needs. */
export function actionFor(op: NegotiationOp['op']): NegotiationAction {
  if (op.startsWith('thread.')) return 'statement.comment';
  if (op === 'amendment.accept' || op === 'amendment.reject' || op === 'amendment.revert') return 'statement.decide-amendment';
  if (op.startsWith('amendment.')) return 'statement.propose-amendment';
  // Agreeing and choosing are holders' acts: the core rules check the organisation holds the bracket.
  if (op === 'bracket.rule') return 'statement.rule-bracket';
  return 'statement.bracket';
}

/**
 * Does the act `body` asks for; returns the id of the thread, amendment or bracket. DomainErrors
 * otherwise. `linkOrigin`: where links in mail (mentions) point; null or absent: none.
 */
export async function negotiate(input: { ports: NegotiationPorts; principal: Principal; statementId: string; body: unknown; linkOrigin?: string | null }): Promise<{ id: string }> {
  const { ports } = input;
  const op = readOp(input.body);
  const who = await negotiating({ ports, principal: input.principal, statementId: input.statementId, action: actionFor(op.op) });
  let id: string;
  if (op.op.startsWith('thread.')) id = await threadAct({ ports, who, op: op as Extract<NegotiationOp, { op: `thread.${string}` }>, linkOrigin: input.linkOrigin ?? null });
  else if (op.op.startsWith('amendment.')) id = await amendmentAct({ ports, who, op: op as Extract<NegotiationOp, { op: `amendment.${string}` }> });
  else id = await bracketAct({ ports, who, op: op as Extract<NegotiationOp, { op: `bracket.${string}` }> });
  await announce({ ports, docId: who.statement.id });
  return { id };
}
