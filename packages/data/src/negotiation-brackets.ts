/**
 * Brackets: the bracket item (status, `rev`, the number of alternatives), one holder item per
 * organisation (a conditional put: joining twice leaves one holder) and one item per alternative.
 *
 * A bracket is lifted when every holder agrees on the same wording (each holder item records its
 * agreement), by the chair's ruling, or when nobody holds it any more (`released`). Leaving deletes the holder, then — if no
 * holder is left — moves the bracket to `agreed` on condition that `rev` is still the one read
 * before counting; a join bumps `rev` after writing its holder, so a join and the last leave
 * never both succeed: either the leave sees the new holder, or its condition fails and it counts
 * again, or the join finds the bracket lifted and takes its holder back.
 */
import { negotiationLimits, type Act, type BracketAgreement } from '@concord/core';
import type { BracketNotes } from '@concord/negotiation/ports';
import { negotiationKeys } from './keys.ts';
import { getItem, type NotesContext } from './negotiation-context.ts';
import { agreementItem, alternativeItem, assembleNotes, bracketItem, holderItem } from './negotiation-shapes.ts';
import { deleteIf } from './requests.ts';

/** A leave re-counts at most this many times when joins keep landing. */
const releaseAttempts = 8;

export function createBracketNotes(context: NotesContext): BracketNotes {
  const { put, putNew, update, query } = context;
  const bumpIfOpen = (docId: string, bracketId: string) =>
    update({ docId, sk: negotiationKeys.bracket(bracketId), set: 'ADD rev :one', condition: '#status = :open', values: { ':one': 1, ':open': 'open' } });
  const deleteHolder = (docId: string, bracketId: string, organisationId: string) =>
    deleteIf({ ...context, key: context.item(docId, negotiationKeys.holder({ bracketId, organisationId })), condition: 'attribute_exists(#pk)' });

  async function releaseIfUnheld(docId: string, bracketId: string, by: Act): Promise<boolean> {
    for (let attempt = 0; attempt < releaseAttempts; attempt++) {
      const bracket = await getItem({ context, docId, sk: negotiationKeys.bracket(bracketId) });
      if (!bracket || bracket.status !== 'open' || bracket.lock) return false;
      if ((await query(docId, negotiationKeys.holderPrefix(bracketId))).length > 0) return false;
      const released = await update({
        docId,
        sk: negotiationKeys.bracket(bracketId),
        set: 'SET #status = :agreed, closedBy = :by, lift = :released',
        condition: '#status = :open AND rev = :rev AND attribute_not_exists(#lock)',
        names: { '#lock': 'lock' },
        values: { ':agreed': 'agreed', ':open': 'open', ':rev': bracket.rev, ':by': { ...by }, ':released': 'released' },
      });
      if (released) return true;
    }
    return false;
  }

  return {
    async getBracket({ docId, bracketId }) {
      return assembleNotes(await query(docId, negotiationKeys.bracket(bracketId))).brackets.find((b) => b.id === bracketId) ?? null;
    },

    async openBracket({ bracket }) {
      const docId = bracket.statementId;
      // Children first: a bracket is visible only once complete.
      for (const holder of bracket.holders) await put(docId, negotiationKeys.holder({ bracketId: bracket.id, organisationId: holder.organisationId }), holderItem({ bracketId: bracket.id, holder }));
      for (const alternative of bracket.alternatives) {
        await put(docId, negotiationKeys.alternative({ bracketId: bracket.id, alternativeId: alternative.id }), alternativeItem({ bracketId: bracket.id, alternative }));
      }
      if (!(await putNew(docId, negotiationKeys.bracket(bracket.id), bracketItem(bracket)))) throw new Error(`bracket ${bracket.id} exists`);
    },

    async joinBracket({ docId, bracketId, holder }) {
      const sk = negotiationKeys.holder({ bracketId, organisationId: holder.organisationId });
      const added = await putNew(docId, sk, holderItem({ bracketId, holder }));
      if (!added) return 'already';
      if (await bumpIfOpen(docId, bracketId)) return 'ok';
      await deleteHolder(docId, bracketId, holder.organisationId);
      return 'closed';
    },

    async leaveBracket({ docId, bracketId, by }) {
      if (!(await deleteHolder(docId, bracketId, by.organisationId))) return 'not-held';
      return (await releaseIfUnheld(docId, bracketId, by)) ? 'released' : 'left';
    },

    async addAlternative({ docId, bracketId, alternative }) {
      const room = await update({
        docId,
        sk: negotiationKeys.bracket(bracketId),
        set: 'ADD rev :one, alternativeCount :one',
        condition: '#status = :open AND alternativeCount < :max',
        values: { ':one': 1, ':open': 'open', ':max': negotiationLimits.alternativesMax },
      });
      if (room) await put(docId, negotiationKeys.alternative({ bracketId, alternativeId: alternative.id }), alternativeItem({ bracketId, alternative }));
      return room;
    },

    async recordAgreement({ docId, bracketId, organisationId, agreement, previous }) {
      const holderKey = negotiationKeys.holder({ bracketId, organisationId });
      const setAgreement = (value: BracketAgreement | null) =>
        update({ docId, sk: holderKey, set: 'SET agreement = :a', condition: 'attribute_exists(#pk)', values: { ':a': agreementItem(value) } });
      if (!(await setAgreement(agreement))) return 'not-held';
      if (await bumpIfOpen(docId, bracketId)) return 'ok';
      await setAgreement(previous);
      return 'closed';
    },

    async liftBracket({ docId, bracketId, by, lift, ruling, rev }) {
      const values: Record<string, unknown> = { ':agreed': 'agreed', ':open': 'open', ':by': { ...by }, ':lift': lift, ':ruling': ruling };
      if (rev !== null) values[':rev'] = rev;
      return update({
        docId,
        sk: negotiationKeys.bracket(bracketId),
        set: 'SET #status = :agreed, closedBy = :by, lift = :lift, ruling = :ruling',
        condition: `#status = :open AND attribute_not_exists(#lock)${rev !== null ? ' AND rev = :rev' : ''}`,
        names: { '#lock': 'lock' },
        values,
      });
    },
  };
}
