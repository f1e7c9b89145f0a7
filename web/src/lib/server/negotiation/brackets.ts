/**
 * Brackets: open one on a range on behalf of the actor's organisation (optionally with
 * alternative wordings), join, leave (the last leave lifts it), add an alternative; the deciders
 * agree (lifted as the text stands) or choose an alternative (applied to the text once). Every
 * change goes to the audit log.
 */
import { checkAlternative, checkJoin, checkLeave, checkNewAlternative, checkQuote, checkSettlement, fail, negotiationLimits, type Bracket } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationDeps } from './deps.ts';
import type { NegotiationOp } from './input.ts';
import { storedText, wordsAt } from './placement.ts';
import { audit } from './record.ts';
import { decideWithText, wordsNow } from './text-change.ts';

type BracketOp = Extract<NegotiationOp, { op: `bracket.${string}` }>;

async function bracket(deps: NegotiationDeps, who: Negotiating, bracketId: string): Promise<Bracket> {
  const found = await deps.notes.getBracket({ docId: who.statement.id, bracketId });
  if (!found) throw fail.notFound('bracket.not-found', 'This bracket was not found.');
  return found;
}

/** Does a bracket act (the policy was checked for its kind); returns the bracket's id. */
export async function bracketAct(input: { deps: NegotiationDeps; who: Negotiating; op: BracketOp }): Promise<string> {
  const { deps, who, op } = input;
  const docId = who.statement.id;
  const now = deps.now();
  const by = { ...who.actor, at: now };
  const record = (action: string, id: string, details?: Record<string, string>) => audit({ deps, who, action, subject: { kind: 'bracket', id }, details });
  switch (op.op) {
    case 'bracket.open': {
      const quote = checkQuote({ quote: wordsAt({ doc: await storedText({ deps, docId }), anchor: op.anchor }).text, kind: 'bracket' });
      const texts = op.alternatives.filter((t) => t.trim()).map((text) => checkAlternative({ text }));
      if (texts.length > negotiationLimits.alternativesMax) throw fail.input('bracket.too-many-alternatives', `A bracket has at most ${negotiationLimits.alternativesMax} alternatives.`);
      const id = deps.newId('brk', now);
      await deps.notes.openBracket({
        bracket: {
          id,
          statementId: docId,
          anchor: op.anchor,
          quote,
          openedBy: by,
          status: 'open',
          holders: [{ organisationId: who.actor.organisationId, userId: who.actor.userId, at: now }],
          alternatives: texts.map((text) => ({ id: deps.newId('alt', now), text, proposedBy: by })),
          closedBy: null,
          chosenAlternativeId: null,
          applied: null,
        },
      });
      await record('bracket.opened', id, { quote: quote.slice(0, 200) });
      return id;
    }
    case 'bracket.join': {
      checkJoin({ bracket: await bracket(deps, who, op.bracketId), organisationId: who.actor.organisationId });
      const joined = await deps.notes.joinBracket({ docId, bracketId: op.bracketId, holder: { organisationId: who.actor.organisationId, userId: who.actor.userId, at: now } });
      if (joined === 'already') throw fail.conflict('bracket.already-held', 'Your organisation already holds this bracket.');
      if (joined === 'closed') throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
      await record('bracket.joined', op.bracketId);
      return op.bracketId;
    }
    case 'bracket.leave': {
      checkLeave({ bracket: await bracket(deps, who, op.bracketId), organisationId: who.actor.organisationId });
      const left = await deps.notes.leaveBracket({ docId, bracketId: op.bracketId, by });
      if (left === 'not-held') throw fail.conflict('bracket.not-held', 'Your organisation does not hold this bracket.');
      await record('bracket.left', op.bracketId);
      if (left === 'released') await record('bracket.lifted', op.bracketId, { reason: 'no-holder' });
      return op.bracketId;
    }
    case 'bracket.add-alternative': {
      const text = checkAlternative({ text: op.text });
      checkNewAlternative({ bracket: await bracket(deps, who, op.bracketId) });
      const added = await deps.notes.addAlternative({ docId, bracketId: op.bracketId, alternative: { id: deps.newId('alt', now), text, proposedBy: by } });
      if (!added) checkNewAlternative({ bracket: await bracket(deps, who, op.bracketId) });
      if (!added) throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
      await record('bracket.alternative-added', op.bracketId, { text: text.slice(0, 200) });
      return op.bracketId;
    }
    case 'bracket.agree': {
      checkSettlement({ bracket: await bracket(deps, who, op.bracketId), alternativeId: null });
      const agreed = await deps.notes.agreeBracket({ docId, bracketId: op.bracketId, by });
      if (!agreed) {
        checkSettlement({ bracket: await bracket(deps, who, op.bracketId), alternativeId: null });
        throw fail.conflict('negotiation.deciding', 'Someone is deciding on this at this moment.');
      }
      await record('bracket.agreed', op.bracketId);
      return op.bracketId;
    }
    case 'bracket.choose': {
      const current = await bracket(deps, who, op.bracketId);
      const chosen = checkSettlement({ bracket: current, alternativeId: op.alternativeId });
      if (!chosen) throw fail.input('bracket.alternative-unknown', 'Choose one of the alternatives of this bracket.');
      const range = wordsAt({ doc: await storedText({ deps, docId }), anchor: current.anchor });
      if (!range.sameText) throw fail.conflict('bracket.range-across-paragraphs', 'This bracket spans paragraphs: edit the text, then agree.');
      await decideWithText({
        deps,
        decision: {
          docId,
          target: { kind: 'bracket', id: current.id },
          status: 'open',
          anchor: current.anchor,
          // The bracketed words as they stand now: brackets mark text still being edited.
          expected: range.text,
          replacement: chosen.text,
          by,
          outcome: (applied) => ({ kind: 'settled', bracketId: current.id, by, alternativeId: chosen.id, applied }),
        },
        recover: (lock, doc) => {
          if (!lock.pending) return null;
          const now = wordsNow({ doc, anchor: lock.pending.applied });
          const landed = current.alternatives.find((a) => a.text === now);
          return landed ? { kind: 'settled', bracketId: current.id, by, alternativeId: landed.id, applied: lock.pending.applied } : null;
        },
      });
      await record('bracket.settled', current.id, { alternative: chosen.text.slice(0, 200) });
      return current.id;
    }
  }
}
