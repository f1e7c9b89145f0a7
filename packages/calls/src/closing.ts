/**
 * Closing a call, the same way whoever closes it (the chair early, or the scheduler at the
 * deadline): the store closes it once and computes the outcome from stored positions; then an
 * adopted text stays frozen (it is the adopted version), any other outcome reopens drafting.
 */
import type { ConsensusCall } from '@concord/core';
import type { CallPorts } from './ports.ts';
import { quietly, tell } from './notices.ts';
import { recordCallAct } from './record.ts';

/** What a closed call's audit entry and notices carry. */
export async function afterClose(input: { ports: CallPorts; call: ConsensusCall; actor: { userId: string; organisationId: string } | null }): Promise<void> {
  const { ports, call } = input;
  const outcome = call.outcome;
  const adopted = outcome?.result === 'adopted';
  if (!adopted) {
    await ports.freezer.unfreeze({ docId: call.statementId, by: call.id });
    // Editors reconnect as writers again.
    await quietly(ports, 'call.evict-failed', () => ports.live.evictDocument({ docId: call.statementId, reason: 'consensus call closed' }));
  }
  await recordCallAct({
    ports,
    call,
    actor: input.actor,
    action: input.actor ? 'call.closed-early' : 'call.closed',
    at: call.closedAt ?? call.deadline,
    details: {
      result: outcome?.result ?? null,
      reasons: outcome?.reasons.join(',') ?? '',
      versionHash: call.version.hash,
      versionName: call.version.name,
      procedure: call.procedure.kind,
      support: outcome ? outcome.tally.support + outcome.tally.supportAdReferendumConfirmed : 0,
      object: outcome?.tally.object ?? 0,
      abstain: outcome?.tally.abstain ?? 0,
      silent: outcome?.tally.silent ?? 0,
    },
  });
  await tell({ ports, call, kind: 'call-closed', at: call.closedAt ?? call.deadline, eventId: `${call.id}:closed` });
  // Only now off the due list: a close cut short before here is finished by a later scheduler run.
  await ports.calls.settle({ callId: call.id });
}
