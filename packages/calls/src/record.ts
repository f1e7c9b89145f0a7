/** A call's acts in the coalition's audit log: always about the statement the call is on. */
import type { AuditDetails, ConsensusCall } from '@concord/core';
import type { CallPorts } from './ports.ts';

export async function recordCallAct(input: {
  ports: CallPorts;
  call: Pick<ConsensusCall, 'id' | 'coalitionId' | 'statementId'>;
  actor: { userId: string; organisationId: string } | null;
  action: string;
  at: number;
  details?: AuditDetails;
}): Promise<void> {
  const { call } = input;
  await input.ports.audit.append({
    entry: {
      coalitionId: call.coalitionId,
      at: input.at,
      actor: input.actor,
      action: input.action,
      subject: { kind: 'statement', id: call.statementId },
      details: { callId: call.id, ...input.details },
    },
  });
}
