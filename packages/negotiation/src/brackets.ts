/**
 * Brackets: open one on a range on behalf of the actor's organisation (optionally with
 * alternative wordings), join, leave (the last leave lifts it), add an alternative; holders agree
 * to lift it and the chair rules (`bracket-lifting.ts`). Every change goes to the audit log.
 */
import { checkAlternative, checkJoin, checkLeave, checkNewAlternative, checkQuote, fail, negotiationLimits, type Bracket } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationPorts } from './ports.ts';
import type { NegotiationOp } from './input.ts';
import { agreeToLift, liftIfConsented, ruleOnBracket } from './bracket-lifting.ts';
import { storedText, wordsAt } from './placement.ts';
import { audit } from './record.ts';

type BracketOp = Extract<NegotiationOp, { op: `bracket.${string}` }>;

async function bracket(ports: NegotiationPorts, who: Negotiating, bracketId: string): Promise<Bracket> {
  const found = await ports.notes.getBracket({ docId: who.statement.id, bracketId });
  if (!found) throw fail.notFound('bracket.not-found', 'This bracket was not found.');
  return found;
}

/** Does a bracket act (the policy was checked for its kind); returns the bracket's id. */
export async function bracketAct(input: { ports: NegotiationPorts; who: Negotiating; op: BracketOp }): Promise<string> {
  const { ports, who, op } = input;
  const docId = who.statement.id;
  const now = ports.now();
  const by = { ...who.actor, at: now };
  const record = (action: string, id: string, details?: Record<string, string>) => audit({ ports, who, action, subject: { kind: 'bracket', id }, details });
  switch (op.op) {
    case 'bracket.open': {
      const quote = checkQuote({ quote: wordsAt({ doc: await storedText({ ports, docId }), anchor: op.anchor }).text, kind: 'bracket' });
      const texts = op.alternatives.filter((t) => t.trim()).map((text) => checkAlternative({ text }));
      if (texts.length > negotiationLimits.alternativesMax) throw fail.input('bracket.too-many-alternatives', `A bracket has at most ${negotiationLimits.alternativesMax} alternatives.`);
      const id = ports.newId('brk', now);
      await ports.notes.openBracket({
        bracket: {
          id,
          statementId: docId,
          anchor: op.anchor,
          quote,
          openedBy: by,
          status: 'open',
          holders: [{ organisationId: who.actor.organisationId, userId: who.actor.userId, at: now, agreement: null }],
          alternatives: texts.map((text) => ({ id: ports.newId('alt', now), text, proposedBy: by })),
          closedBy: null,
          chosenAlternativeId: null,
          applied: null,
          lift: null,
          ruling: null,
        },
      });
      await record('bracket.opened', id, { quote: quote.slice(0, 200) });
      return id;
    }
    case 'bracket.join': {
      checkJoin({ bracket: await bracket(ports, who, op.bracketId), organisationId: who.actor.organisationId });
      const joined = await ports.notes.joinBracket({ docId, bracketId: op.bracketId, holder: { organisationId: who.actor.organisationId, userId: who.actor.userId, at: now, agreement: null } });
      if (joined === 'already') throw fail.conflict('bracket.already-held', 'Your organisation already holds this bracket.');
      if (joined === 'closed') throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
      await record('bracket.joined', op.bracketId);
      return op.bracketId;
    }
    case 'bracket.leave': {
      checkLeave({ bracket: await bracket(ports, who, op.bracketId), organisationId: who.actor.organisationId });
      const left = await ports.notes.leaveBracket({ docId, bracketId: op.bracketId, by });
      if (left === 'not-held') throw fail.conflict('bracket.not-held', 'Your organisation does not hold this bracket.');
      await record('bracket.left', op.bracketId);
      if (left === 'released') await record('bracket.lifted', op.bracketId, { reason: 'no-holder' });
      // Those who stay may all have agreed already: the one who held out has gone.
      else await liftIfConsented({ ports, who, bracketId: op.bracketId });
      return op.bracketId;
    }
    case 'bracket.add-alternative': {
      const text = checkAlternative({ text: op.text });
      checkNewAlternative({ bracket: await bracket(ports, who, op.bracketId) });
      const added = await ports.notes.addAlternative({ docId, bracketId: op.bracketId, alternative: { id: ports.newId('alt', now), text, proposedBy: by } });
      if (!added) checkNewAlternative({ bracket: await bracket(ports, who, op.bracketId) });
      if (!added) throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
      await record('bracket.alternative-added', op.bracketId, { text: text.slice(0, 200) });
      return op.bracketId;
    }
    case 'bracket.agree':
      return agreeToLift({ ports, who, bracketId: op.bracketId, alternativeId: null });
    case 'bracket.choose':
      return agreeToLift({ ports, who, bracketId: op.bracketId, alternativeId: op.alternativeId });
    case 'bracket.rule':
      return ruleOnBracket({ ports, who, bracketId: op.bracketId, alternativeId: op.alternativeId, reason: op.reason });
  }
}
