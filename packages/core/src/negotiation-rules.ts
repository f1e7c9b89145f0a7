/**
 * The rules of negotiating a text: which status may follow which (and why not), who among those
 * the policy lets negotiate may take which step on one item, when a text is clean and how much of
 * it is bracketed. Pure; the shapes are in `negotiation.ts`.
 */
import type { Organisation, TaskForce } from './coalition.ts';
import { fail } from './errors.ts';
import { statementAccess } from './policy.ts';
import type { Statement } from './statement.ts';
import {
  negotiationLimits,
  type Actor,
  type Amendment,
  type AmendmentStatus,
  type Bracket,
  type BracketAlternative,
  type BracketStatus,
  type CommentThread,
  type ThreadStatus,
} from './negotiation.ts';

const amendmentMoves: Record<AmendmentStatus, readonly AmendmentStatus[]> = {
  proposed: ['accepted', 'rejected', 'withdrawn'],
  accepted: ['reverted'],
  rejected: [],
  withdrawn: [],
  reverted: [],
};

const amendmentNow: Record<AmendmentStatus, string> = {
  proposed: 'This amendment is still proposed.',
  accepted: 'This amendment was already accepted.',
  rejected: 'This amendment was already rejected.',
  withdrawn: 'This amendment was withdrawn.',
  reverted: 'This amendment was reverted.',
};

const bracketMoves: Record<BracketStatus, readonly BracketStatus[]> = { open: ['agreed', 'settled'], agreed: [], settled: [] };

/** Whether an amendment may move from its status to `to`; a `conflict` saying why not otherwise. */
export function checkAmendmentMove(input: { amendment: Pick<Amendment, 'status'>; to: AmendmentStatus }): void {
  const from = input.amendment.status;
  if (!amendmentMoves[from].includes(input.to)) throw fail.conflict(`amendment.${from}`, amendmentNow[from]);
}

/** Supporting or opposing: only while the amendment is proposed. */
export function checkPositionChange(input: { amendment: Pick<Amendment, 'status'> }): void {
  if (input.amendment.status !== 'proposed') throw fail.conflict(`amendment.${input.amendment.status}`, amendmentNow[input.amendment.status]);
}

/** Withdrawing: the proposing organisation's delegates only, while proposed. */
export function checkAmendmentWithdrawal(input: { amendment: Pick<Amendment, 'status' | 'proposedBy'>; actor: Actor }): void {
  if (input.amendment.proposedBy.organisationId !== input.actor.organisationId) {
    throw fail.forbidden('amendment.not-proposer', 'Only the organisation that proposed an amendment withdraws it.');
  }
  checkAmendmentMove({ amendment: input.amendment, to: 'withdrawn' });
}

/** Resolving an open thread, reopening a resolved one. */
export function checkThreadMove(input: { thread: Pick<CommentThread, 'status'>; to: ThreadStatus }): void {
  if (input.thread.status === input.to) {
    throw fail.conflict(`comment.already-${input.to}`, input.to === 'resolved' ? 'This thread is already resolved.' : 'This thread is already open.');
  }
}

/** Replying: to an open thread that is not full. */
export function checkReply(input: { thread: Pick<CommentThread, 'status' | 'messages'> }): void {
  if (input.thread.status !== 'open') throw fail.conflict('comment.thread-resolved', 'This thread is resolved: reopen it to reply.');
  if (input.thread.messages.length >= negotiationLimits.messagesMax) throw fail.conflict('comment.thread-full', 'This thread is full: start a new one.');
}

/** Whether a bracket may move from its status to `to`. */
export function checkBracketMove(input: { bracket: Pick<Bracket, 'status'>; to: BracketStatus }): void {
  if (!bracketMoves[input.bracket.status].includes(input.to)) throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
}

function requireOpenBracket(bracket: Pick<Bracket, 'status'>): void {
  if (bracket.status !== 'open') throw fail.conflict('bracket.closed', 'This bracket was already lifted.');
}

/** Joining: an open bracket the organisation does not hold yet. */
export function checkJoin(input: { bracket: Pick<Bracket, 'status' | 'holders'>; organisationId: string }): void {
  requireOpenBracket(input.bracket);
  if (input.bracket.holders.some((h) => h.organisationId === input.organisationId)) throw fail.conflict('bracket.already-held', 'Your organisation already holds this bracket.');
}

/** Leaving: an open bracket the organisation holds. */
export function checkLeave(input: { bracket: Pick<Bracket, 'status' | 'holders'>; organisationId: string }): void {
  requireOpenBracket(input.bracket);
  if (!input.bracket.holders.some((h) => h.organisationId === input.organisationId)) throw fail.conflict('bracket.not-held', 'Your organisation does not hold this bracket.');
}

/** Another alternative wording: while open, up to the limit. */
export function checkNewAlternative(input: { bracket: Pick<Bracket, 'status' | 'alternatives'> }): void {
  requireOpenBracket(input.bracket);
  if (input.bracket.alternatives.length >= negotiationLimits.alternativesMax) {
    throw fail.conflict('bracket.too-many-alternatives', `A bracket has at most ${negotiationLimits.alternativesMax} alternatives.`);
  }
}

function alternativeOf(bracket: Pick<Bracket, 'alternatives'>, alternativeId: string | null): BracketAlternative | null {
  if (alternativeId === null) return null;
  const chosen = bracket.alternatives.find((a) => a.id === alternativeId);
  if (!chosen) throw fail.input('bracket.alternative-unknown', 'Choose one of the alternatives of this bracket.');
  return chosen;
}

/**
 * Agreeing to lift a bracket: only an organisation holding it, while it is open, with the text as
 * it stands (`alternativeId` null) or one of its alternatives. One organisation alone never lifts
 * a bracket others hold: see `bracketConsent`.
 */
export function checkAgreement(input: { bracket: Pick<Bracket, 'status' | 'holders' | 'alternatives'>; organisationId: string; alternativeId: string | null }): void {
  requireOpenBracket(input.bracket);
  const holder = input.bracket.holders.find((h) => h.organisationId === input.organisationId);
  if (!holder) throw fail.forbidden('bracket.not-holder', 'Only the organisations holding a bracket agree to lift it; join it first.');
  alternativeOf(input.bracket, input.alternativeId);
  if (holder.agreement && holder.agreement.alternativeId === input.alternativeId) throw fail.conflict('bracket.already-agreed', 'Your organisation already agreed to this.');
}

/**
 * Whether the holders consent to lifting the bracket: every holder agreed, all on the same
 * wording. Returns that wording (`alternativeId` null: the text as it stands), or null. A bracket
 * nobody holds has no consent to give (it is released when the last holder leaves).
 */
export function bracketConsent(input: { bracket: Pick<Bracket, 'holders'> }): { alternativeId: string | null } | null {
  const [first, ...rest] = input.bracket.holders;
  if (!first?.agreement) return null;
  const alternativeId = first.agreement.alternativeId;
  return rest.every((h) => h.agreement !== null && h.agreement.alternativeId === alternativeId) ? { alternativeId } : null;
}

/**
 * The chair's ruling: lifts an open bracket whatever its holders say, with the text as it stands
 * or one of its alternatives, and a reason that goes into the record.
 */
export function checkRuling(input: { bracket: Pick<Bracket, 'status' | 'alternatives'>; alternativeId: string | null; reason: string }): { reason: string; alternative: BracketAlternative | null } {
  requireOpenBracket(input.bracket);
  const reason = input.reason.trim();
  if (!reason) throw fail.input('bracket.ruling-reason-empty', 'Say why the chair lifts this bracket: the reason is recorded.');
  if (reason.length > negotiationLimits.reasonMax) throw fail.input('bracket.ruling-reason-too-long', `Keep the reason under ${negotiationLimits.reasonMax} characters.`);
  return { reason, alternative: alternativeOf(input.bracket, input.alternativeId) };
}

/** What the policy lets the person do with the statement (`statement.comment` and the others). */
export interface NegotiationPermissions {
  comment: boolean;
  propose: boolean;
  decide: boolean;
  bracket: boolean;
  /** Lift a bracket by ruling (the chair). */
  rule: boolean;
}

export type ThreadAction = 'reply' | 'resolve' | 'reopen';
export type AmendmentAction = 'support' | 'oppose' | 'withdraw' | 'accept' | 'reject' | 'revert';
export type BracketAction = 'join' | 'leave' | 'add-alternative' | 'agree' | 'choose-alternative' | 'rule';

/** The steps a person may take on a thread now. */
export function threadActions(input: { thread: Pick<CommentThread, 'status'>; can: NegotiationPermissions }): ThreadAction[] {
  if (!input.can.comment) return [];
  return input.thread.status === 'open' ? ['reply', 'resolve'] : ['reopen'];
}

/** The steps a person may take on an amendment now. */
export function amendmentActions(input: { amendment: Pick<Amendment, 'status' | 'proposedBy'>; actor: Actor; can: NegotiationPermissions }): AmendmentAction[] {
  const { amendment, can } = input;
  const actions: AmendmentAction[] = [];
  if (amendment.status === 'proposed') {
    if (can.propose) actions.push('support', 'oppose');
    if (can.propose && amendment.proposedBy.organisationId === input.actor.organisationId) actions.push('withdraw');
    if (can.decide) actions.push('accept', 'reject');
  }
  if (amendment.status === 'accepted' && can.decide) actions.push('revert');
  return actions;
}

/**
 * The steps a person may take on a bracket now. Holders agree (to the text as it stands, or to an
 * alternative); what their organisation already agreed to is not offered again.
 */
export function bracketActions(input: { bracket: Pick<Bracket, 'status' | 'holders' | 'alternatives'>; actor: Actor; can: NegotiationPermissions }): BracketAction[] {
  const { bracket, can } = input;
  if (bracket.status !== 'open') return [];
  const actions: BracketAction[] = [];
  const held = bracket.holders.find((h) => h.organisationId === input.actor.organisationId);
  if (can.bracket) actions.push(held ? 'leave' : 'join');
  if (can.bracket && bracket.alternatives.length < negotiationLimits.alternativesMax) actions.push('add-alternative');
  if (can.bracket && held && !(held.agreement && held.agreement.alternativeId === null)) actions.push('agree');
  if (can.bracket && held && bracket.alternatives.length > 0) actions.push('choose-alternative');
  if (can.rule) actions.push('rule');
  return actions;
}

/** A text is clean when no bracket is open: only a clean text goes to a consensus call. */
export function isClean(brackets: readonly Pick<Bracket, 'status'>[]): boolean {
  return !brackets.some((b) => b.status === 'open');
}

/**
 * The share (0…1) of a text of `totalChars` characters inside at least one range; overlapping
 * ranges count once. Ranges are character offsets in one linear reading of the text.
 */
export function bracketedShare(input: { ranges: readonly { from: number; to: number }[]; totalChars: number }): number {
  if (input.totalChars <= 0) return 0;
  const sorted = input.ranges.filter((r) => r.to > r.from).map((r) => ({ from: Math.max(0, r.from), to: Math.min(input.totalChars, r.to) })).sort((a, b) => a.from - b.from);
  let covered = 0;
  let reach = 0;
  for (const range of sorted) {
    const start = Math.max(range.from, reach);
    if (range.to > start) covered += range.to - start;
    reach = Math.max(reach, range.to);
  }
  return covered / input.totalChars;
}

/**
 * The organisations a comment on `statement` may mention: those whose delegates can read it (as
 * the policy says for a delegate of the organisation without roles; the chair sees every draft),
 * sorted by name in `locale`'s order.
 */
export function mentionableOrganisations<O extends Pick<Organisation, 'id' | 'name' | 'coalitionId' | 'tier' | 'isChair'>>(input: {
  organisations: readonly O[];
  statement: Statement;
  taskForce: TaskForce | null;
  locale?: string;
}): O[] {
  const { statement, taskForce } = input;
  const reads = (o: O) =>
    statementAccess({
      actor: { userId: '', userName: '', organisationId: o.id, organisationName: o.name, coalitionId: o.coalitionId, tier: o.tier, isChair: o.isChair, roles: [] },
      statement,
      taskForce,
    }) !== 'none';
  const collator = new Intl.Collator(input.locale, { sensitivity: 'base' });
  return input.organisations.filter(reads).sort((a, b) => collator.compare(a.name, b.name));
}
