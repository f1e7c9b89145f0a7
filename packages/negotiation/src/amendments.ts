/**
 * Amendments: propose replacement text for a range of one paragraph on behalf of the actor's
 * organisation; support, oppose or drop a position; withdraw (the proposers); accept (applied to
 * the text once, `text-change.ts`), reject or revert (the deciders). Decisions go to the audit log.
 */
import { checkAmendmentMove, checkAmendmentText, checkAmendmentWithdrawal, checkPositionChange, fail, type Amendment } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationPorts } from './ports.ts';
import type { NegotiationOp } from './input.ts';
import { storedText, wordsAt } from './placement.ts';
import { audit } from './record.ts';
import { decideWithText } from './text-change.ts';

type AmendmentOp = Extract<NegotiationOp, { op: `amendment.${string}` }>;

async function amendment(ports: NegotiationPorts, who: Negotiating, amendmentId: string): Promise<Amendment> {
  const found = await ports.notes.getAmendment({ docId: who.statement.id, amendmentId });
  if (!found) throw fail.notFound('amendment.not-found', 'This amendment was not found.');
  return found;
}

/** Does an amendment act (the policy was checked for its kind); returns the amendment's id. */
export async function amendmentAct(input: { ports: NegotiationPorts; who: Negotiating; op: AmendmentOp }): Promise<string> {
  const { ports, who, op } = input;
  const docId = who.statement.id;
  const now = ports.now();
  const by = { ...who.actor, at: now };
  switch (op.op) {
    case 'amendment.propose': {
      const words = wordsAt({ doc: await storedText({ ports, docId }), anchor: op.anchor });
      if (!words.sameText) throw fail.input('amendment.range-across-paragraphs', 'Select words within one paragraph.');
      const { replacement, reason } = checkAmendmentText({ original: words.text, replacement: op.replacement, reason: op.reason });
      const id = ports.newId('amd', now);
      await ports.notes.propose({
        amendment: { id, statementId: docId, anchor: op.anchor, original: words.text, replacement, reason, proposedBy: by, status: 'proposed', positions: [], decidedBy: null, applied: null, revertedBy: null },
      });
      await audit({ ports, who, action: 'amendment.proposed', subject: { kind: 'amendment', id }, details: { original: words.text.slice(0, 200), replacement: replacement.slice(0, 200) } });
      return id;
    }
    case 'amendment.support':
    case 'amendment.oppose':
    case 'amendment.clear': {
      checkPositionChange({ amendment: await amendment(ports, who, op.amendmentId) });
      const stand = op.op === 'amendment.support' ? 'support' : op.op === 'amendment.oppose' ? 'oppose' : 'none';
      const stored = await ports.notes.setPosition({ docId, change: { amendmentId: op.amendmentId, organisationId: who.actor.organisationId, stand, userId: who.actor.userId, at: now } });
      if (!stored) checkPositionChange({ amendment: await amendment(ports, who, op.amendmentId) });
      return op.amendmentId;
    }
    case 'amendment.withdraw':
    case 'amendment.reject': {
      const current = await amendment(ports, who, op.amendmentId);
      const to = op.op === 'amendment.withdraw' ? 'withdrawn' : 'rejected';
      if (to === 'withdrawn') checkAmendmentWithdrawal({ amendment: current, actor: who.actor });
      else checkAmendmentMove({ amendment: current, to });
      const decided = await ports.notes.decideAmendment({ docId, amendmentId: op.amendmentId, from: current.status, to, by });
      if (!decided) {
        checkAmendmentMove({ amendment: await amendment(ports, who, op.amendmentId), to });
        throw fail.conflict('negotiation.deciding', 'Someone is deciding on this at this moment.');
      }
      await audit({ ports, who, action: `amendment.${to}`, subject: { kind: 'amendment', id: op.amendmentId } });
      return op.amendmentId;
    }
    case 'amendment.accept': {
      const current = await amendment(ports, who, op.amendmentId);
      checkAmendmentMove({ amendment: current, to: 'accepted' });
      await decideWithText({
        ports,
        decision: {
          docId,
          target: { kind: 'amendment', id: current.id },
          status: 'proposed',
          anchor: current.anchor,
          expected: current.original,
          replacement: current.replacement,
          by,
          outcome: (applied) => ({ kind: 'accepted', amendmentId: current.id, by, applied }),
        },
        recover: (lock) => (lock.pending ? { kind: 'accepted', amendmentId: current.id, by, applied: lock.pending.applied } : null),
      });
      await audit({ ports, who, action: 'amendment.accepted', subject: { kind: 'amendment', id: current.id }, details: { original: current.original.slice(0, 200), replacement: current.replacement.slice(0, 200) } });
      return current.id;
    }
    case 'amendment.revert': {
      const current = await amendment(ports, who, op.amendmentId);
      checkAmendmentMove({ amendment: current, to: 'reverted' });
      if (!current.applied) throw fail.conflict('amendment.not-applied', 'This amendment left no change to revert.');
      await decideWithText({
        ports,
        decision: {
          docId,
          target: { kind: 'amendment', id: current.id },
          status: 'accepted',
          anchor: current.applied,
          expected: current.replacement,
          replacement: current.original,
          by,
          outcome: () => ({ kind: 'reverted', amendmentId: current.id, by }),
        },
        recover: () => ({ kind: 'reverted', amendmentId: current.id, by }),
      });
      await audit({ ports, who, action: 'amendment.reverted', subject: { kind: 'amendment', id: current.id } });
      return current.id;
    }
  }
}
