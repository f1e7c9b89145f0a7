/**
 * Comments, amendments and brackets ↔ items. Every item carries its `kind` and, for children,
 * `parentId`, so a statement's whole partition assembles from one query without parsing keys.
 * Stored maps (anchors, acts, the lock) are read back field by field to exactly the domain shape.
 */
import type {
  Act,
  Amendment,
  AmendmentPosition,
  AmendmentPositionChange,
  Anchor,
  Bracket,
  BracketAgreement,
  BracketAlternative,
  BracketHolder,
  BracketLift,
  CommentMessage,
  CommentThread,
  TextChangeLock,
} from '@concord/core';
import type { AssembledNotes } from '@concord/negotiation/ports';
import { actedBy, list, map, mapOr, number, oneOf, strOr, text } from './fields.ts';
import type { Item } from './requests.ts';

export type NoteKind = 'thread' | 'message' | 'amendment' | 'position' | 'position-change' | 'bracket' | 'holder' | 'alternative';

const anchorOf = (item: Item): Anchor => ({ from: text(item, 'from'), to: text(item, 'to') });
const anchorFrom = (item: Item, name: string): Anchor => anchorOf(map(item, name));
const optionalAnchor = (item: Item, name: string): Anchor | null => {
  const anchor = mapOr(item, name);
  return anchor && anchorOf(anchor);
};

const actOf = (act: Item): Act => ({ ...actedBy(act), at: number(act, 'at') });

/** Who did something, and when; null for nobody (yet). */
function actFrom(item: Item, name: string): Act | null {
  const act = mapOr(item, name);
  return act && actOf(act);
}

/** An act that is always recorded (who proposed, who opened). */
const requiredAct = (item: Item, name: string): Act => actOf(map(item, name));

function authorFrom(item: Item): { userId: string; organisationId: string } {
  const author = map(item, 'author');
  return actedBy(author);
}

function lockFrom(item: Item): TextChangeLock | null {
  const lock = mapOr(item, 'lock');
  if (!lock) return null;
  const pending = mapOr(lock, 'pending');
  return { token: text(lock, 'token'), until: number(lock, 'until'), pending: pending && { client: number(pending, 'client'), applied: anchorFrom(pending, 'applied') } };
}

const act = (value: Act | null) => (value ? { userId: value.userId, organisationId: value.organisationId, at: value.at } : null);
const actor = (value: { userId: string; organisationId: string }) => ({ userId: value.userId, organisationId: value.organisationId });

export function threadItem(thread: CommentThread): Item {
  return {
    kind: 'thread',
    id: thread.id,
    statementId: thread.statementId,
    anchor: { ...thread.anchor },
    quote: thread.quote,
    author: actor(thread.author),
    createdAt: thread.createdAt,
    status: thread.status,
    statusChangedBy: act(thread.statusChangedBy),
    messageCount: thread.messages.length,
  };
}

export function messageItem(message: CommentMessage): Item {
  return { kind: 'message', parentId: message.threadId, id: message.id, threadId: message.threadId, author: actor(message.author), body: message.body, mentions: [...message.mentions], at: message.at };
}

export function amendmentItem(amendment: Amendment): Item {
  return {
    kind: 'amendment',
    id: amendment.id,
    statementId: amendment.statementId,
    anchor: { ...amendment.anchor },
    original: amendment.original,
    replacement: amendment.replacement,
    reason: amendment.reason,
    proposedBy: act(amendment.proposedBy),
    status: amendment.status,
    decidedBy: act(amendment.decidedBy),
    applied: amendment.applied ? { ...amendment.applied } : null,
    revertedBy: act(amendment.revertedBy),
  };
}

export function positionItem(input: { amendmentId: string; position: AmendmentPosition }): Item {
  const { position } = input;
  return { kind: 'position', parentId: input.amendmentId, organisationId: position.organisationId, stand: position.stand, userId: position.userId, at: position.at };
}

export function positionChangeItem(change: AmendmentPositionChange): Item {
  return { kind: 'position-change', parentId: change.amendmentId, ...change };
}

export function bracketItem(bracket: Bracket): Item {
  return {
    kind: 'bracket',
    id: bracket.id,
    statementId: bracket.statementId,
    anchor: { ...bracket.anchor },
    quote: bracket.quote,
    openedBy: act(bracket.openedBy),
    status: bracket.status,
    closedBy: act(bracket.closedBy),
    chosenAlternativeId: bracket.chosenAlternativeId,
    applied: bracket.applied ? { ...bracket.applied } : null,
    lift: bracket.lift,
    ruling: bracket.ruling,
    // Bumped by every join, agreement and alternative: a release or a lift by consent checks that
    // nobody joined or changed their mind meanwhile.
    rev: 0,
    alternativeCount: bracket.alternatives.length,
  };
}

export function holderItem(input: { bracketId: string; holder: BracketHolder }): Item {
  const { holder } = input;
  return { kind: 'holder', parentId: input.bracketId, organisationId: holder.organisationId, userId: holder.userId, at: holder.at, agreement: agreementItem(holder.agreement) };
}

export function agreementItem(agreement: BracketAgreement | null): Item | null {
  return agreement ? { alternativeId: agreement.alternativeId, userId: agreement.userId, at: agreement.at } : null;
}

function agreementFrom(item: Item): BracketAgreement | null {
  const agreement = mapOr(item, 'agreement');
  return agreement && { alternativeId: strOr(agreement, 'alternativeId', null), userId: text(agreement, 'userId'), at: number(agreement, 'at') };
}

const lifts: readonly BracketLift[] = ['consent', 'ruling', 'released'];

export function alternativeItem(input: { bracketId: string; alternative: BracketAlternative }): Item {
  const { alternative } = input;
  return { kind: 'alternative', parentId: input.bracketId, id: alternative.id, text: alternative.text, proposedBy: act(alternative.proposedBy) };
}

function messageFrom(item: Item): CommentMessage {
  return {
    id: text(item, 'id'),
    threadId: text(item, 'threadId'),
    author: authorFrom(item),
    body: text(item, 'body'),
    mentions: item.mentions === undefined ? [] : list(item, 'mentions', text),
    at: number(item, 'at'),
  };
}

function threadFrom(item: Item, messages: CommentMessage[]): CommentThread {
  return {
    id: text(item, 'id'),
    statementId: text(item, 'statementId'),
    anchor: anchorFrom(item, 'anchor'),
    quote: text(item, 'quote'),
    author: authorFrom(item),
    createdAt: number(item, 'createdAt'),
    status: oneOf(item, 'status', ['open', 'resolved']),
    statusChangedBy: actFrom(item, 'statusChangedBy'),
    messages: messages.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
  };
}

export function positionChangeFrom(item: Item): AmendmentPositionChange {
  return {
    id: text(item, 'id'),
    amendmentId: text(item, 'amendmentId'),
    organisationId: text(item, 'organisationId'),
    stand: oneOf(item, 'stand', ['support', 'oppose', 'none']),
    userId: text(item, 'userId'),
    at: number(item, 'at'),
  };
}

const amendmentStatuses: readonly Amendment['status'][] = ['proposed', 'accepted', 'rejected', 'withdrawn', 'reverted'];
const bracketStatuses: readonly Bracket['status'][] = ['open', 'agreed', 'settled'];

function amendmentFrom(item: Item, positions: AmendmentPosition[]): Amendment {
  return {
    id: text(item, 'id'),
    statementId: text(item, 'statementId'),
    anchor: anchorFrom(item, 'anchor'),
    original: text(item, 'original'),
    replacement: text(item, 'replacement'),
    reason: text(item, 'reason'),
    proposedBy: requiredAct(item, 'proposedBy'),
    status: oneOf(item, 'status', amendmentStatuses),
    positions: positions.sort((a, b) => a.at - b.at),
    decidedBy: actFrom(item, 'decidedBy'),
    applied: optionalAnchor(item, 'applied'),
    revertedBy: actFrom(item, 'revertedBy'),
  };
}

function bracketFrom(item: Item, children: Item[]): Bracket {
  return {
    id: text(item, 'id'),
    statementId: text(item, 'statementId'),
    anchor: anchorFrom(item, 'anchor'),
    quote: text(item, 'quote'),
    openedBy: requiredAct(item, 'openedBy'),
    status: oneOf(item, 'status', bracketStatuses),
    holders: children
      .filter((c) => c.kind === 'holder')
      .map((c) => ({ organisationId: text(c, 'organisationId'), userId: text(c, 'userId'), at: number(c, 'at'), agreement: agreementFrom(c) }))
      .sort((a, b) => a.at - b.at),
    alternatives: children
      .filter((c) => c.kind === 'alternative')
      .map((c) => ({ id: text(c, 'id'), text: text(c, 'text'), proposedBy: requiredAct(c, 'proposedBy') }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    closedBy: actFrom(item, 'closedBy'),
    chosenAlternativeId: strOr(item, 'chosenAlternativeId', null),
    applied: optionalAnchor(item, 'applied'),
    lift: item.lift === undefined || item.lift === null ? null : oneOf(item, 'lift', lifts),
    ruling: strOr(item, 'ruling', null),
  };
}

/** Assembles items of a partition. Children whose parent is missing (a write cut short) are left out. */
export function assembleNotes(items: readonly Item[]): AssembledNotes {
  const children = new Map<string, Item[]>();
  for (const item of items) {
    if (typeof item.parentId !== 'string') continue;
    children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  }
  const of = (item: Item) => children.get(text(item, 'id')) ?? [];
  const byKind = (kind: NoteKind) => items.filter((item) => item.kind === kind);
  const positions = (item: Item): AmendmentPosition[] =>
    of(item)
      .filter((c) => c.kind === 'position')
      .map((c) => ({ organisationId: text(c, 'organisationId'), stand: oneOf(c, 'stand', ['support', 'oppose']), userId: text(c, 'userId'), at: number(c, 'at') }));
  return {
    threads: byKind('thread').map((item) => threadFrom(item, of(item).filter((c) => c.kind === 'message').map(messageFrom))).sort((a, b) => a.createdAt - b.createdAt),
    amendments: byKind('amendment')
      .map((item) => ({ ...amendmentFrom(item, positions(item)), lock: lockFrom(item) }))
      .sort((a, b) => a.proposedBy.at - b.proposedBy.at),
    brackets: byKind('bracket').map((item) => ({ ...bracketFrom(item, of(item)), rev: number(item, 'rev'), lock: lockFrom(item) })).sort((a, b) => a.openedBy.at - b.openedBy.at),
  };
}
