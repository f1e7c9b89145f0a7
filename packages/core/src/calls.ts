/**
 * Consensus calls (DESIGN.md §2): the state machine of a call, the positions organisations take,
 * and the outcome the system computes at the deadline — never typed by hand. Pure: `now` is an
 * input everywhere, and the outcome depends only on the call and its stored positions.
 */
import { fail } from './errors.ts';
import type { UrgentProcedure } from './notice.ts';

/** How a call decides. */
export type Procedure =
  /** Adopted at the deadline unless a member breaks silence in writing; no reply is consent. */
  | { kind: 'silence' }
  /** Each member replies; adopted if nobody objects and at least `quorum` of the members replied. */
  | { kind: 'explicit'; quorum: number };

export const Stance = {
  support: 'support',
  /** Subject to the capital's approval: blocks adoption until confirmed. */
  supportAdReferendum: 'support-ad-referendum',
  /** Stands aside. */
  abstain: 'abstain',
  /** Breaks silence / blocks consensus; a written reason is required. */
  object: 'object',
} as const;
export type Stance = (typeof Stance)[keyof typeof Stance];

/** An organisation's current position in a call (one seat, however many delegates act). */
export interface Position {
  organisationId: string;
  stance: Stance;
  /** For `support-ad-referendum`: the capital confirmed it. */
  confirmed: boolean;
  /** Required for `object`. */
  reason: string | null;
  /** An explanation of position, published with the text. */
  explanation: string | null;
  /** The delegate who acted, and when. */
  actedBy: string;
  at: number;
}

export type CallStatus = 'open' | 'closed' | 'withdrawn';

export interface CallState {
  status: CallStatus;
  procedure: Procedure;
  /** The instant of the deadline (set as a wall time in a zone; stored as the instant). */
  deadline: number;
  /** Member organisations when the call opened: the ones whose positions count. */
  electorate: string[];
}

export type OutcomeReason = 'objection' | 'ad-referendum-unconfirmed' | 'quorum-missed';

export interface Tally {
  support: number;
  supportAdReferendumConfirmed: number;
  supportAdReferendumUnconfirmed: number;
  abstain: number;
  object: number;
  /** Members of the electorate without a position. */
  silent: number;
}

export interface Outcome {
  result: 'adopted' | 'not-adopted';
  /** Why not adopted (empty when adopted). */
  reasons: OutcomeReason[];
  tally: Tally;
  /** Members that replied, and how many had to for the quorum (explicit consensus only). */
  replied: number;
  required: number;
}

export const callLimits = { reasonMax: 4_000, explanationMax: 10_000, extensionReasonMax: 1_000, minQuorum: 0.01, maxQuorum: 1 } as const;

/** Checks a new call's settings against `now`: a deadline in the future, a sensible quorum. */
export function checkCallSettings(input: { procedure: Procedure; deadline: number; now: number }): void {
  if (input.deadline <= input.now) throw fail.input('call.deadline-past', 'Set a deadline in the future.');
  const { procedure } = input;
  if (procedure.kind === 'explicit' && !(procedure.quorum >= callLimits.minQuorum && procedure.quorum <= callLimits.maxQuorum)) {
    throw fail.input('call.quorum-invalid', 'Set the quorum as a share of the member organisations, from 1 % to 100 %.');
  }
}

function requireOpen(input: { call: CallState; now: number }): void {
  if (input.call.status !== 'open') throw fail.conflict('call.not-open', 'This call is no longer open.');
  if (input.now >= input.call.deadline) throw fail.conflict('call.deadline-passed', 'The deadline has passed.');
}

/** Checks a position an organisation takes at `now`; returns it tidied. */
export function checkPosition(input: { call: CallState; position: Position; now: number }): Position {
  const { call, position } = input;
  requireOpen(input);
  if (!call.electorate.includes(position.organisationId)) {
    throw fail.forbidden('call.not-in-electorate', 'Only member organisations of the coalition when the call opened take positions.');
  }
  const reason = position.reason?.trim() || null;
  const explanation = position.explanation?.trim() || null;
  if (position.stance === 'object' && !reason) throw fail.input('call.reason-required', 'An objection needs a written reason.');
  if ((reason?.length ?? 0) > callLimits.reasonMax) throw fail.tooLong('call.reason-too-long', callLimits.reasonMax);
  if ((explanation?.length ?? 0) > callLimits.explanationMax) throw fail.tooLong('call.explanation-too-long', callLimits.explanationMax);
  const confirmed = position.stance === 'support-ad-referendum' ? position.confirmed : false;
  return { ...position, reason: position.stance === 'object' ? reason : null, explanation, confirmed, at: input.now };
}

/** Moves the deadline later; only while open, only forward, only into the future. */
export function checkExtension(input: { call: CallState; deadline: number; now: number }): void {
  requireOpen(input);
  if (input.deadline <= input.call.deadline || input.deadline <= input.now) {
    throw fail.input('call.extension-not-later', 'An extension moves the deadline later.');
  }
}

export function checkWithdrawal(input: { call: CallState; now: number }): void {
  if (input.call.status !== 'open') throw fail.conflict('call.not-open', 'This call is no longer open.');
}

/** Whether the chair may close before the deadline: every member of the electorate replied. */
export function canCloseEarly(input: { call: CallState; positions: readonly Position[]; now: number }): boolean {
  const { call } = input;
  if (call.status !== 'open' || input.now >= call.deadline) return false;
  const replied = new Set(input.positions.map((p) => p.organisationId));
  return call.electorate.every((id) => replied.has(id));
}

/** Whether the call is due to close at `now` (the scheduler closes it). */
export function isDue(input: { call: CallState; now: number }): boolean {
  return input.call.status === 'open' && input.now >= input.call.deadline;
}

/** Counts the positions of the electorate (positions of others are ignored). */
export function tally(input: { call: CallState; positions: readonly Position[] }): Tally {
  const counted = input.positions.filter((p) => input.call.electorate.includes(p.organisationId));
  const count = (test: (p: Position) => boolean) => counted.filter(test).length;
  return {
    support: count((p) => p.stance === 'support'),
    supportAdReferendumConfirmed: count((p) => p.stance === 'support-ad-referendum' && p.confirmed),
    supportAdReferendumUnconfirmed: count((p) => p.stance === 'support-ad-referendum' && !p.confirmed),
    abstain: count((p) => p.stance === 'abstain'),
    object: count((p) => p.stance === 'object'),
    silent: input.call.electorate.length - new Set(counted.map((p) => p.organisationId)).size,
  };
}

/** The outcome from the call and its stored positions, one per organisation. */
export function computeOutcome(input: { call: CallState; positions: readonly Position[] }): Outcome {
  const { call } = input;
  const counts = tally(input);
  const replied = call.electorate.length - counts.silent;
  const required = call.procedure.kind === 'explicit' ? Math.ceil(call.procedure.quorum * call.electorate.length - 1e-9) : 0;
  const reasons: OutcomeReason[] = [];
  if (counts.object > 0) reasons.push('objection');
  if (counts.supportAdReferendumUnconfirmed > 0) reasons.push('ad-referendum-unconfirmed');
  if (replied < required) reasons.push('quorum-missed');
  return { result: reasons.length === 0 ? 'adopted' : 'not-adopted', reasons, tally: counts, replied, required };
}

/** Reminders due at `now` that were not sent yet: 24 hours before the deadline. */
export function remindersDue(input: { call: CallState; now: number; sent: readonly string[] }): string[] {
  const due: string[] = [];
  const dayBefore = input.call.deadline - 24 * 3_600_000;
  if (input.call.status === 'open' && input.now >= dayBefore && input.now < input.call.deadline && !input.sent.includes(`reminder-24h@${input.call.deadline}`)) {
    due.push(`reminder-24h@${input.call.deadline}`);
  }
  return due;
}

/** A consensus call as stored: its settings, who opened it, the current positions, the result. */
export interface ConsensusCall extends CallState {
  id: string;
  statementId: string;
  coalitionId: string;
  /** The frozen version the call is on. */
  version: { seq: number; hash: string; name: string };
  /** The zone the deadline was set in (shown beside each reader's own). */
  timeZone: string;
  /** Whether members see the tally during the call, or only after it closed. */
  resultsVisibility: 'live' | 'after-close';
  openedBy: { userId: string; organisationId: string; onBehalfOfChair: boolean };
  openedAt: number;
  /** One current position per organisation of the electorate that replied. */
  positions: Position[];
  /** Each move of the deadline, with the reason given (absent on extensions stored before reasons were). */
  extensions: { from: number; to: number; by: string; at: number; reason?: string | null }[];
  closedAt: number | null;
  /** The person who closed it early, or null when it closed at its deadline. */
  closedBy: string | null;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
  outcome: Outcome | null;
  /** Reminders already sent (see `remindersDue`). */
  reminders: string[];
  /** Set when the call opened below the coalition's notice, with the reason (absent on calls stored before notices). */
  urgent?: UrgentProcedure | null;
}

/** What opening a call decides; the rest of a new call (no positions, not closed, no outcome) is the same for every call. */
export type CallOpening = Pick<ConsensusCall, 'id' | 'statementId' | 'coalitionId' | 'version' | 'procedure' | 'deadline' | 'timeZone' | 'resultsVisibility' | 'electorate' | 'openedBy' | 'openedAt'> &
  Partial<Pick<ConsensusCall, 'urgent'>>;

/** A call just opened: nobody has taken a position, nothing is closed, withdrawn or reminded. */
export function openedCall(opening: CallOpening): ConsensusCall {
  return {
    ...opening,
    status: 'open',
    positions: [],
    extensions: [],
    closedAt: null,
    closedBy: null,
    withdrawnAt: null,
    withdrawnBy: null,
    outcome: null,
    reminders: [],
  };
}

/** One position taken, kept for ever: the history of a call. */
export interface PositionChange extends Position {
  id: string;
  /** True when the call had closed before it was recorded: it never counted. */
  voided: boolean;
}
