/** After an act: the audit log (decisions and bracket changes) and the notice to open editors. */
import type { AuditDetails } from '@concord/core';
import { recordAct } from '../audit.ts';
import { negotiationNotice, type NegotiationDeps } from './deps.ts';
import type { Negotiating } from './access.ts';

/** Writes an amendment decision or a bracket change to the coalition's audit log. */
export async function audit(input: {
  deps: Pick<NegotiationDeps, 'audit' | 'now'>;
  who: Negotiating;
  action: string;
  subject: { kind: 'amendment' | 'bracket'; id: string };
  details?: AuditDetails;
}): Promise<void> {
  const { who } = input;
  await recordAct({
    audit: input.deps.audit,
    actor: { ...who.actor, coalitionId: who.statement.coalitionId },
    action: input.action,
    subject: input.subject,
    details: { statementId: who.statement.id, ...input.details },
    now: input.deps.now(),
  });
}

/**
 * Tells the statement's open editors to refetch. The act is stored already: a notice that fails
 * (the gateway is down) must not turn it into an error, the editors refetch when they reconnect.
 */
export async function announce(input: { deps: Pick<NegotiationDeps, 'live'>; docId: string }): Promise<void> {
  try {
    await input.deps.live.notify({ docId: input.docId, notice: negotiationNotice });
  } catch (error) {
    console.warn(`[concord] negotiation notice for ${input.docId} not sent:`, error);
  }
}
