/** After an act: the audit log (decisions and bracket changes) and the notice to open editors. */
import { actEntry, type AuditDetails } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationPorts } from './ports.ts';

/** The notice open editors get after any negotiation act: they refetch the state. */
export const negotiationNotice = '{"kind":"negotiation"}';

/**
 * Writes an amendment decision or a bracket change to the coalition's audit log: who acted (the
 * person and the organisation they act for), on what, with scalar details only.
 */
export async function audit(input: {
  ports: Pick<NegotiationPorts, 'audit' | 'now'>;
  who: Negotiating;
  action: string;
  subject: { kind: 'amendment' | 'bracket'; id: string };
  details?: AuditDetails;
}): Promise<void> {
  const { who, action, subject } = input;
  const actor = { ...who.actor, coalitionId: who.statement.coalitionId };
  await input.ports.audit.append({ entry: actEntry({ actor, action, subject, details: { statementId: who.statement.id, ...input.details }, now: input.ports.now() }) });
}

/**
 * Tells the statement's open editors to refetch. The act is stored already: a notice that fails
 * (the gateway is down) must not turn it into an error, the editors refetch when they reconnect.
 */
export async function announce(input: { ports: Pick<NegotiationPorts, 'live'>; docId: string }): Promise<void> {
  try {
    await input.ports.live.notify({ docId: input.docId, notice: negotiationNotice });
  } catch (error) {
    console.warn(`[concord] negotiation notice for ${input.docId} not sent:`, error);
  }
}
