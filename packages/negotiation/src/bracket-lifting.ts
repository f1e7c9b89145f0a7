/**
 * Lifting a bracket (issue 13.2): never one organisation alone. A holder records what it agrees
 * to — the text as it stands, or one alternative —; when every holder agrees on the same wording
 * the bracket is lifted with it, by whoever's agreement completed the consent. The chair may rule
 * instead, with a reason that goes into the record. Choosing an alternative changes the text once
 * (`decideWithText`); a lift by consent is conditioned on `rev`, so a holder joining or changing
 * its mind meanwhile stops it.
 */
import { bracketConsent, checkAgreement, checkRuling, fail, isDomainError, type Act, type Bracket } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationPorts } from './ports.ts';
import { storedText, wordsAt } from './placement.ts';
import { audit } from './record.ts';
import { decideWithText, wordsNow } from './text-change.ts';

type Stored = Bracket & { rev: number };

async function stored(ports: NegotiationPorts, docId: string, bracketId: string): Promise<Stored> {
  const found = await ports.notes.getBracket({ docId, bracketId });
  if (!found) throw fail.notFound('bracket.not-found', 'This bracket was not found.');
  return found;
}

/** The bracketed words now, refused when they span paragraphs (an alternative replaces one run of text). */
async function bracketedWords(ports: NegotiationPorts, bracket: Bracket): Promise<string> {
  const range = wordsAt({ doc: await storedText({ ports, docId: bracket.statementId }), anchor: bracket.anchor });
  if (!range.sameText) throw fail.conflict('bracket.range-across-paragraphs', 'This bracket spans paragraphs: edit the text, then agree.');
  return range.text;
}

interface Lift {
  by: Act;
  lift: 'consent' | 'ruling';
  ruling: string | null;
  /** For a lift by consent: the `rev` the agreements were read at. */
  rev: number | null;
}

/** Lifts with the text as it stands, or replaces it with the alternative; false when it did not happen. */
async function lift(input: { ports: NegotiationPorts; bracket: Stored; alternativeId: string | null; how: Lift }): Promise<boolean> {
  const { ports, bracket, alternativeId, how } = input;
  const docId = bracket.statementId;
  if (alternativeId === null) return ports.notes.liftBracket({ docId, bracketId: bracket.id, ...how });
  const chosen = bracket.alternatives.find((a) => a.id === alternativeId);
  if (!chosen) throw fail.input('bracket.alternative-unknown', 'Choose one of the alternatives of this bracket.');
  const outcome = { kind: 'settled', bracketId: bracket.id, by: how.by, lift: how.lift, ruling: how.ruling } as const;
  await decideWithText({
    ports,
    decision: {
      docId,
      target: { kind: 'bracket', id: bracket.id },
      status: 'open',
      rev: how.rev ?? undefined,
      anchor: bracket.anchor,
      // The bracketed words as they stand now: brackets mark text still being edited.
      expected: await bracketedWords(ports, bracket),
      replacement: chosen.text,
      by: how.by,
      outcome: (applied) => ({ ...outcome, alternativeId: chosen.id, applied }),
    },
    recover: (lock, doc) => {
      if (!lock.pending) return null;
      const now = wordsNow({ doc, anchor: lock.pending.applied });
      const landed = bracket.alternatives.find((a) => a.text === now);
      return landed ? { ...outcome, alternativeId: landed.id, applied: lock.pending.applied } : null;
    },
  });
  return true;
}

/**
 * Lifts the bracket if its holders now all agree on one wording; false otherwise. Another act
 * landing meanwhile (a join, a changed agreement, a concurrent lift) is not an error here: the
 * agreement stands, and whoever acted last finds the consent, or its absence, again.
 */
export async function liftIfConsented(input: { ports: NegotiationPorts; who: Negotiating; bracketId: string }): Promise<boolean> {
  const { ports, who } = input;
  const bracket = await ports.notes.getBracket({ docId: who.statement.id, bracketId: input.bracketId });
  const consent = bracket && bracket.status === 'open' ? bracketConsent({ bracket }) : null;
  if (!bracket || !consent) return false;
  try {
    const lifted = await lift({ ports, bracket, alternativeId: consent.alternativeId, how: { by: { ...who.actor, at: ports.now() }, lift: 'consent', ruling: null, rev: bracket.rev } });
    if (lifted) await liftRecord({ ports, who, bracket, alternativeId: consent.alternativeId, how: 'consent', reason: null });
    return lifted;
  } catch (error) {
    if (isDomainError(error) && (error.code === 'negotiation.decided' || error.code === 'negotiation.deciding')) return false;
    throw error;
  }
}

async function liftRecord(input: { ports: NegotiationPorts; who: Negotiating; bracket: Bracket; alternativeId: string | null; how: 'consent' | 'ruling'; reason: string | null }) {
  const { ports, who, bracket, alternativeId, how, reason } = input;
  const alternative = bracket.alternatives.find((a) => a.id === alternativeId)?.text.slice(0, 200);
  await audit({
    ports,
    who,
    action: alternativeId === null ? 'bracket.agreed' : 'bracket.settled',
    subject: { kind: 'bracket', id: bracket.id },
    details: { lift: how, agreedBy: bracket.holders.map((h) => h.organisationId).join(' '), ...(alternative ? { alternative } : {}), ...(reason ? { reason: reason.slice(0, 200) } : {}) },
  });
}

/** A holder agrees to lift the bracket with `alternativeId` (null: the text as it stands); lifts it if all now agree. */
export async function agreeToLift(input: { ports: NegotiationPorts; who: Negotiating; bracketId: string; alternativeId: string | null }): Promise<string> {
  const { ports, who, bracketId, alternativeId } = input;
  const docId = who.statement.id;
  const current = await stored(ports, docId, bracketId);
  const organisationId = who.actor.organisationId;
  checkAgreement({ bracket: current, organisationId, alternativeId });
  if (alternativeId !== null) await bracketedWords(ports, current);
  const previous = current.holders.find((h) => h.organisationId === organisationId)?.agreement ?? null;
  const agreement = { alternativeId, userId: who.actor.userId, at: ports.now() };
  const recorded = await ports.notes.recordAgreement({ docId, bracketId, organisationId, agreement, previous });
  if (recorded === 'not-held') throw fail.forbidden('bracket.not-holder', 'Only the organisations holding a bracket agree to lift it; join it first.');
  if (recorded === 'closed') throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
  const alternative = current.alternatives.find((a) => a.id === alternativeId)?.text.slice(0, 200);
  await audit({ ports, who, action: 'bracket.agreement', subject: { kind: 'bracket', id: bracketId }, details: alternative ? { alternative } : { alternative: '(as it stands)' } });
  await liftIfConsented({ ports, who, bracketId });
  return bracketId;
}

/** The chair lifts the bracket, whatever its holders say, with a recorded reason. */
export async function ruleOnBracket(input: { ports: NegotiationPorts; who: Negotiating; bracketId: string; alternativeId: string | null; reason: string }): Promise<string> {
  const { ports, who, bracketId } = input;
  const current = await stored(ports, who.statement.id, bracketId);
  const { reason } = checkRuling({ bracket: current, alternativeId: input.alternativeId, reason: input.reason });
  const lifted = await lift({ ports, bracket: current, alternativeId: input.alternativeId, how: { by: { ...who.actor, at: ports.now() }, lift: 'ruling', ruling: reason, rev: null } });
  if (!lifted) {
    checkRuling({ bracket: await stored(ports, who.statement.id, bracketId), alternativeId: input.alternativeId, reason });
    throw fail.conflict('negotiation.deciding', 'Someone is deciding on this at this moment.');
  }
  await liftRecord({ ports, who, bracket: current, alternativeId: input.alternativeId, how: 'ruling', reason });
  return bracketId;
}
