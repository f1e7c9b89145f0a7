/**
 * Decisions that change the text — accepting or reverting an amendment, settling a bracket with an
 * alternative — happen once. The decider first takes a lock on the item (a conditional write on
 * its status, and on no lock being there), records the Yjs client id of the change it is about to
 * store, stores it, then completes the decision (status, who, the new range) and drops the lock,
 * each step conditioned on its token. Whoever finds a lock expired (its decider died) completes or
 * releases it from what the document shows (`@concord/negotiation` text-change.ts).
 */
import type { ChangeLocks, ChangeOutcome, ChangeTarget } from '@concord/negotiation/ports';
import { negotiationKeys } from './keys.ts';
import type { NotesContext } from './negotiation-context.ts';

const skOf = (target: ChangeTarget) => (target.kind === 'amendment' ? negotiationKeys.amendment(target.id) : negotiationKeys.bracket(target.id));

function completion(outcome: ChangeOutcome): { sk: string; set: string; values: Record<string, unknown> } {
  const by = { ...outcome.by };
  switch (outcome.kind) {
    case 'accepted':
      return { sk: negotiationKeys.amendment(outcome.amendmentId), set: 'SET #status = :s, decidedBy = :by, applied = :applied', values: { ':s': 'accepted', ':by': by, ':applied': { ...outcome.applied } } };
    case 'reverted':
      return { sk: negotiationKeys.amendment(outcome.amendmentId), set: 'SET #status = :s, revertedBy = :by', values: { ':s': 'reverted', ':by': by } };
    case 'settled':
      return {
        sk: negotiationKeys.bracket(outcome.bracketId),
        set: 'SET #status = :s, closedBy = :by, applied = :applied, chosenAlternativeId = :alt, lift = :lift, ruling = :ruling',
        values: { ':s': 'settled', ':by': by, ':applied': { ...outcome.applied }, ':alt': outcome.alternativeId, ':lift': outcome.lift, ':ruling': outcome.ruling },
      };
  }
}

export function createChangeLocks(context: NotesContext): ChangeLocks {
  const names = { '#lock': 'lock', '#token': 'token' };
  return {
    lockChange({ docId, target, status, token, until, rev }) {
      return context.update({
        docId,
        sk: skOf(target),
        set: 'SET #lock = :lock',
        condition: `#status = :status AND attribute_not_exists(#lock)${rev === undefined ? '' : ' AND rev = :rev'}`,
        names: { '#lock': 'lock' },
        values: { ':status': status, ':lock': { token, until, pending: null }, ...(rev === undefined ? {} : { ':rev': rev }) },
      });
    },

    notePending({ docId, target, token, pending }) {
      return context.update({
        docId,
        sk: skOf(target),
        set: 'SET #lock.pending = :pending',
        condition: '#lock.#token = :token',
        names,
        values: { ':token': token, ':pending': { client: pending.client, applied: { ...pending.applied } } },
      });
    },

    completeChange({ docId, token, outcome }) {
      const { sk, set, values } = completion(outcome);
      return context.update({ docId, sk, set: `${set} REMOVE #lock`, condition: '#lock.#token = :token', names, values: { ...values, ':token': token } });
    },

    releaseChange({ docId, target, token }) {
      return context.update({ docId, sk: skOf(target), set: 'REMOVE #lock', condition: '#lock.#token = :token', names, values: { ':token': token } });
    },
  };
}
