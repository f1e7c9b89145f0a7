/**
 * Negotiating a text (DESIGN.md §2): comment threads, amendments and brackets anchored to ranges
 * of a statement's text. They live beside the Yjs text as server-validated operations
 * (packages/sync/PROTOCOL.md §7); this module holds their shapes and the pure rules — which
 * status may follow which, how long texts may be, when a text is clean. `now` and ids are inputs.
 */
import { fail } from './errors.ts';

/**
 * A range of the statement's text as two Yjs relative positions (`Y.encodeRelativePosition`,
 * base64). `from` sticks to the range's first character and `to` to its last, so text typed just
 * outside the range stays outside, and the range survives edits anywhere else.
 */
export interface Anchor {
  from: string;
  to: string;
}

/** Who acted: a person, and the organisation they acted for. Names are resolved when shown. */
export interface Actor {
  userId: string;
  organisationId: string;
}

/** An act: who, and when. */
export interface Act extends Actor {
  at: number;
}

export interface CommentMessage {
  id: string;
  threadId: string;
  author: Actor;
  body: string;
  /** Organisations of the coalition the message calls on. */
  mentions: string[];
  at: number;
}

export type ThreadStatus = 'open' | 'resolved';

export interface CommentThread {
  id: string;
  statementId: string;
  anchor: Anchor;
  /** The words the thread was about when it started: shown when they are deleted (orphaned). */
  quote: string;
  author: Actor;
  createdAt: number;
  status: ThreadStatus;
  /** Who resolved or reopened it last. */
  statusChangedBy: Act | null;
  /** Oldest first; the first one opened the thread. */
  messages: CommentMessage[];
}

export type Stand = 'support' | 'oppose';

/** An organisation's current position on an amendment (one seat, however many delegates act). */
export interface AmendmentPosition {
  organisationId: string;
  stand: Stand;
  userId: string;
  at: number;
}

/** One position taken (or dropped: `none`), kept for ever. */
export interface AmendmentPositionChange {
  id: string;
  amendmentId: string;
  organisationId: string;
  stand: Stand | 'none';
  userId: string;
  at: number;
}

export type AmendmentStatus = 'proposed' | 'accepted' | 'rejected' | 'withdrawn' | 'reverted';

/**
 * Proposed replacement text for a range, on behalf of an organisation. An empty `replacement`
 * deletes the range; an empty range (`original` empty) inserts.
 */
export interface Amendment {
  id: string;
  statementId: string;
  anchor: Anchor;
  original: string;
  replacement: string;
  reason: string;
  proposedBy: Act;
  status: AmendmentStatus;
  positions: AmendmentPosition[];
  /** Who accepted, rejected or withdrew it. */
  decidedBy: Act | null;
  /** Once accepted: the range of the replacement text, so that "revert" can restore the original. */
  applied: Anchor | null;
  revertedBy: Act | null;
}

export type BracketStatus = 'open' | 'agreed' | 'settled';

/** A holder's consent to lift its bracket: with the text as it stands (`alternativeId` null) or an alternative. */
export interface BracketAgreement {
  alternativeId: string | null;
  userId: string;
  at: number;
}

export interface BracketHolder {
  organisationId: string;
  userId: string;
  at: number;
  /** Null until the organisation agrees; a later agreement replaces an earlier one. */
  agreement: BracketAgreement | null;
}

export interface BracketAlternative {
  id: string;
  text: string;
  proposedBy: Act;
}

/**
 * How a bracket was lifted: every holder agreed on the same wording (`consent`), the chair ruled
 * with a recorded reason (`ruling`), or the last holder left (`released`).
 */
export type BracketLift = 'consent' | 'ruling' | 'released';

/**
 * Text not yet agreed. `agreed`: lifted with the text as it stands; `settled`: an alternative was
 * chosen and replaced the text. `closedBy` lifted it (the last holder to agree, or the chair).
 */
export interface Bracket {
  id: string;
  statementId: string;
  anchor: Anchor;
  quote: string;
  openedBy: Act;
  status: BracketStatus;
  holders: BracketHolder[];
  alternatives: BracketAlternative[];
  closedBy: Act | null;
  chosenAlternativeId: string | null;
  /** Once settled: the range of the chosen wording. */
  applied: Anchor | null;
  /** Once lifted: how (null for brackets lifted before this was recorded). */
  lift: BracketLift | null;
  /** The chair's recorded reason, when the chair ruled. */
  ruling: string | null;
}

/**
 * A change of the text in progress (accepting, reverting, settling with an alternative): taken
 * with a conditional write before the text changes, so one decision wins. `client` is the Yjs
 * client id of the change, recorded before it is stored: if the deciding process dies, whoever
 * finds the lock expired can tell from the document whether the change landed.
 */
export interface TextChangeLock {
  token: string;
  until: number;
  pending: { client: number; applied: Anchor } | null;
}

export const negotiationLimits = {
  bodyMax: 4_000,
  quoteMax: 2_000,
  replacementMax: 4_000,
  reasonMax: 2_000,
  alternativeMax: 2_000,
  alternativesMax: 5,
  mentionsMax: 20,
  messagesMax: 200,
  anchorMax: 200,
} as const;

/** Trims a message body and checks it: not empty, not too long. */
export function checkCommentBody(input: { body: string }): string {
  const body = input.body.trim();
  if (!body) throw fail.input('comment.body-empty', 'Write a comment first.');
  if (body.length > negotiationLimits.bodyMax) throw fail.input('comment.body-too-long', `Keep a comment under ${negotiationLimits.bodyMax} characters.`);
  return body;
}

/**
 * Mentions: distinct organisation ids, all of them in `known` (the coalition's organisations) and
 * in `shared` (those the draft is shared with, see `mentionableOrganisations`): a mention tells an
 * organisation's delegates about the draft, so it must not reach one that may not read it.
 */
export function checkMentions(input: { mentions: readonly string[]; known: ReadonlySet<string>; shared: ReadonlySet<string> }): string[] {
  const mentions = [...new Set(input.mentions)];
  if (mentions.length > negotiationLimits.mentionsMax) throw fail.input('comment.too-many-mentions', `Mention at most ${negotiationLimits.mentionsMax} organisations.`);
  if (mentions.some((id) => !input.known.has(id))) throw fail.input('comment.mention-unknown', 'Mention organisations of the coalition.');
  if (mentions.some((id) => !input.shared.has(id))) throw fail.input('comment.mention-not-shared', 'Mention only organisations this draft is shared with.');
  return mentions;
}

/** Checks an amendment's texts: a real change, within the limits, with a reason. */
export function checkAmendmentText(input: { original: string; replacement: string; reason: string }): { replacement: string; reason: string } {
  const { original } = input;
  // One line: the replacement goes into one paragraph.
  const replacement = input.replacement.replace(/[\r\n\t]+/g, ' ');
  const reason = input.reason.trim();
  if (replacement === original) throw fail.input('amendment.unchanged', 'The proposed text is the same as the text.');
  if (!original && !replacement.trim()) throw fail.input('amendment.empty', 'Write the text to insert.');
  if (replacement.length > negotiationLimits.replacementMax) throw fail.input('amendment.replacement-too-long', `Keep the proposed text under ${negotiationLimits.replacementMax} characters.`);
  if (original.length > negotiationLimits.quoteMax) throw fail.input('amendment.range-too-long', `Select under ${negotiationLimits.quoteMax} characters.`);
  if (!reason) throw fail.input('amendment.reason-empty', 'Say why (a short reason).');
  if (reason.length > negotiationLimits.reasonMax) throw fail.input('amendment.reason-too-long', `Keep the reason under ${negotiationLimits.reasonMax} characters.`);
  return { replacement, reason };
}

/** An alternative wording for a bracket: one line, not empty, within the limit. */
export function checkAlternative(input: { text: string }): string {
  const text = input.text.replace(/\s+/g, ' ').trim();
  if (!text) throw fail.input('bracket.alternative-empty', 'Write the alternative wording.');
  if (text.length > negotiationLimits.alternativeMax) throw fail.input('bracket.alternative-too-long', `Keep an alternative under ${negotiationLimits.alternativeMax} characters.`);
  return text;
}

/** The words a comment or bracket is about: some text, not too much. */
export function checkQuote(input: { quote: string; kind: 'comment' | 'bracket' }): string {
  if (!input.quote.trim()) throw fail.input(`${input.kind}.range-empty`, 'Select some text first.');
  if (input.quote.length > negotiationLimits.quoteMax) throw fail.input(`${input.kind}.range-too-long`, `Select under ${negotiationLimits.quoteMax} characters.`);
  return input.quote;
}
