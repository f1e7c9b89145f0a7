/** One management act in the coalition's audit log: who did it, on what, with scalar details only (never a secret). */
import type { AuditDetails, Principal } from '@concord/core';
import type { CoalitionAudit } from './ports.ts';

export function recordAct(input: { audit: CoalitionAudit; actor: Principal; action: string; subject: { kind: string; id: string }; details: AuditDetails; now: number }): Promise<unknown> {
  const { actor } = input;
  return input.audit.append({
    entry: {
      coalitionId: actor.coalitionId,
      at: input.now,
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      action: input.action,
      subject: input.subject,
      details: input.details,
    },
  });
}
