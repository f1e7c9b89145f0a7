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
import type { Item } from './requests.ts';

export type NoteKind = 'thread' | 'message' | 'amendment' | 'position' | 'position-change' | 'bracket' | 'holder' | 'alternative';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

export function anchorFrom(value: unknown): Anchor {
  const item = record(value);
  return { from: text(item.from), to: text(item.to) };
}

export function actFrom(value: unknown): Act | null {
  if (!value || typeof value !== 'object') return null;
  const item = record(value);
  return { userId: text(item.userId), organisationId: text(item.organisationId), at: number(item.at) };
}

function optionalAnchor(value: unknown): Anchor | null {
  return value && typeof value === 'object' ? anchorFrom(value) : null;
}

export function lockFrom(value: unknown): TextChangeLock | null {
  if (!value || typeof value !== 'object') return null;
  const item = record(value);
  const pending = item.pending && typeof item.pending === 'object' ? record(item.pending) : null;
  return {
    token: text(item.token),
    until: number(item.until),
    pending: pending ? { client: number(pending.client), applied: anchorFrom(pending.applied) } : null,
  };
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

function agreementFrom(value: unknown): BracketAgreement | null {
  if (!value || typeof value !== 'object') return null;
  const item = record(value);
  return { alternativeId: typeof item.alternativeId === 'string' ? item.alternativeId : null, userId: text(item.userId), at: number(item.at) };
}

const lifts: readonly BracketLift[] = ['consent', 'ruling', 'released'];

export function alternativeItem(input: { bracketId: string; alternative: BracketAlternative }): Item {
  const { alternative } = input;
  return { kind: 'alternative', parentId: input.bracketId, id: alternative.id, text: alternative.text, proposedBy: act(alternative.proposedBy) };
}

function messageFrom(item: Item): CommentMessage {
  const author = record(item.author);
  return {
    id: text(item.id),
    threadId: text(item.threadId),
    author: { userId: text(author.userId), organisationId: text(author.organisationId) },
    body: text(item.body),
    mentions: Array.isArray(item.mentions) ? item.mentions.map(String) : [],
    at: number(item.at),
  };
}

function threadFrom(item: Item, messages: CommentMessage[]): CommentThread {
  const author = record(item.author);
  return {
    id: text(item.id),
    statementId: text(item.statementId),
    anchor: anchorFrom(item.anchor),
    quote: text(item.quote),
    author: { userId: text(author.userId), organisationId: text(author.organisationId) },
    createdAt: number(item.createdAt),
    status: item.status === 'resolved' ? 'resolved' : 'open',
    statusChangedBy: actFrom(item.statusChangedBy),
    messages: messages.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
  };
}

export function positionChangeFrom(item: Item): AmendmentPositionChange {
  const stand = item.stand === 'support' || item.stand === 'oppose' ? item.stand : 'none';
  return { id: text(item.id), amendmentId: text(item.amendmentId), organisationId: text(item.organisationId), stand, userId: text(item.userId), at: number(item.at) };
}

function amendmentFrom(item: Item, positions: AmendmentPosition[]): Amendment {
  return {
    id: text(item.id),
    statementId: text(item.statementId),
    anchor: anchorFrom(item.anchor),
    original: text(item.original),
    replacement: text(item.replacement),
    reason: text(item.reason),
    proposedBy: actFrom(item.proposedBy) ?? { userId: '', organisationId: '', at: 0 },
    status: item.status as Amendment['status'],
    positions: positions.sort((a, b) => a.at - b.at),
    decidedBy: actFrom(item.decidedBy),
    applied: optionalAnchor(item.applied),
    revertedBy: actFrom(item.revertedBy),
  };
}

function bracketFrom(item: Item, children: Item[]): Bracket {
  return {
    id: text(item.id),
    statementId: text(item.statementId),
    anchor: anchorFrom(item.anchor),
    quote: text(item.quote),
    openedBy: actFrom(item.openedBy) ?? { userId: '', organisationId: '', at: 0 },
    status: item.status as Bracket['status'],
    holders: children
      .filter((c) => c.kind === 'holder')
      .map((c) => ({ organisationId: text(c.organisationId), userId: text(c.userId), at: number(c.at), agreement: agreementFrom(c.agreement) }))
      .sort((a, b) => a.at - b.at),
    alternatives: children
      .filter((c) => c.kind === 'alternative')
      .map((c) => ({ id: text(c.id), text: text(c.text), proposedBy: actFrom(c.proposedBy) ?? { userId: '', organisationId: '', at: 0 } }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    closedBy: actFrom(item.closedBy),
    chosenAlternativeId: typeof item.chosenAlternativeId === 'string' ? item.chosenAlternativeId : null,
    applied: optionalAnchor(item.applied),
    lift: lifts.find((l) => l === item.lift) ?? null,
    ruling: typeof item.ruling === 'string' ? item.ruling : null,
  };
}

/** Assembles items of a partition. Children whose parent is missing (a write cut short) are left out. */
export function assembleNotes(items: readonly Item[]): AssembledNotes {
  const children = new Map<string, Item[]>();
  for (const item of items) {
    if (typeof item.parentId !== 'string') continue;
    children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  }
  const of = (id: unknown) => children.get(text(id)) ?? [];
  const byKind = (kind: NoteKind) => items.filter((item) => item.kind === kind);
  const positions = (id: unknown) =>
    of(id).filter((c) => c.kind === 'position').map((c) => ({ organisationId: text(c.organisationId), stand: c.stand === 'oppose' ? 'oppose' : 'support', userId: text(c.userId), at: number(c.at) }) as const);
  return {
    threads: byKind('thread').map((item) => threadFrom(item, of(item.id).filter((c) => c.kind === 'message').map(messageFrom))).sort((a, b) => a.createdAt - b.createdAt),
    amendments: byKind('amendment')
      .map((item) => ({ ...amendmentFrom(item, positions(item.id).map((p) => ({ ...p }))), lock: lockFrom(item.lock) }))
      .sort((a, b) => a.proposedBy.at - b.proposedBy.at),
    brackets: byKind('bracket').map((item) => ({ ...bracketFrom(item, of(item.id)), rev: number(item.rev), lock: lockFrom(item.lock) })).sort((a, b) => a.openedBy.at - b.openedBy.at),
  };
}
