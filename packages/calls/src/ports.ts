/**
 * What running a consensus call needs, as ports, so the same code runs in the web app (people
 * acting) and in the scheduler (functions/: closing at the deadline, reminders). The web wires
 * them to DynamoDB, the sync core and the text; unit tests use the in-memory ones
 * (`memory.ts`).
 */
import type { AuditEntry, Coalition, ConsensusCall, Organisation, Position, PositionChange, Statement, TaskForce, User } from '@concord/core';

/** The named version a call freezes, as the versions store knows it. */
export interface NamedVersion {
  seq: number;
  name: string;
  /** SHA-256 (hex) of the version's canonical text. */
  hash: string;
}

/**
 * The text of a statement as a call sees it. Opening checks that the latest named version is the
 * current text (same hash) and that no bracket is open. The web implements it over the versions
 * store, the negotiation store and the stored Yjs document.
 */
export interface CallText {
  latestNamedVersion(input: { docId: string }): Promise<NamedVersion | null>;
  /** No bracket open (DESIGN.md §2: only a clean text goes to a call). */
  isClean(input: { docId: string }): Promise<boolean>;
  /** SHA-256 of the current canonical text. */
  currentHash(input: { docId: string }): Promise<string>;
}

/** The document store's freeze (`@concord/sync` DocumentStore): the call's id is the freeze's owner. */
export interface CallFreezer {
  freeze(input: { docId: string; by: string }): Promise<boolean>;
  unfreeze(input: { docId: string; by: string }): Promise<void>;
  frozenBy(input: { docId: string }): Promise<string | null>;
}

/** Open editors of the text: closed so they reconnect with their new access, or told to refetch. */
export interface CallLive {
  evictDocument(input: { docId: string; reason: string }): Promise<number>;
  notify(input: { docId: string; notice: string }): Promise<void>;
}

/** Who is in the coalition, and the statement with its task force. */
export interface CallDirectory {
  statement(id: string): Promise<{ statement: Statement; taskForce: TaskForce | null } | null>;
  /** The coalition, for its notice settings. */
  coalition(id: string): Promise<Coalition | null>;
  organisations(coalitionId: string): Promise<Organisation[]>;
  users(coalitionId: string): Promise<User[]>;
}

export interface CallAudit {
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<unknown>;
}

export interface CallPorts {
  calls: CallStore;
  text: CallText;
  freezer: CallFreezer;
  live: CallLive;
  directory: CallDirectory;
  audit: CallAudit;
  notifications: Pick<NotificationStore, 'add'>;
  /** A new call id. */
  newId(): string;
  /** Problems that must not undo an act already stored (a notice not sent, an editor not evicted). */
  log?(entry: { code: string; error: unknown }): void;
}

/** Consensus calls as stored (DynamoDB: `@concord/data` calls.ts; in memory: memory.ts). */
export interface CallStore {
  /** Stores a new call (and its due-list entry); a call with this id must not exist. */
  create(call: ConsensusCall): Promise<void>;
  /** The call with its current positions (reasons and explanations included), or null. */
  get(callId: string): Promise<ConsensusCall | null>;
  /** A statement's calls, newest first. */
  listByStatement(statementId: string): Promise<ConsensusCall[]>;
  /**
   * Ids of calls whose deadline is at or before `now` and that are not settled: open ones, and
   * closed or withdrawn ones whose follow-up (thawing, notices) was cut short (eventually
   * consistent: run again).
   */
  listDue(input: { now: number }): Promise<string[]>;
  /** Every position taken in the call, oldest first (those that never counted marked `voided`). */
  history(callId: string): Promise<PositionChange[]>;
  /** Records a checked position; 'closed' when the call closed or its deadline passed first. */
  takePosition(input: { callId: string; position: Position; now: number }): Promise<'ok' | 'closed'>;
  /**
   * Moves the deadline from `from` (the one read) to the later `deadline`; false when the call is
   * no longer open, its deadline passed, or it was moved meanwhile.
   */
  extend(input: { callId: string; from: number; deadline: number; by: string; now: number; reason?: string | null }): Promise<boolean>;
  /** Withdraws an open call; false when it was not open. */
  withdraw(input: { callId: string; by: string; now: number }): Promise<boolean>;
  /**
   * Closes the call and records the outcome computed from its stored positions. `by` null: at the
   * deadline (refused before it). Returns the closed call, or null when it was not open (another
   * close won: read it with `get`).
   */
  close(input: { callId: string; by: string | null; now: number }): Promise<ConsensusCall | null>;
  /** A closed call with its outcome (recorded now if a close was cut short before it), else null. */
  closed(input: { callId: string }): Promise<ConsensusCall | null>;
  /** Takes a closed or withdrawn call off the due list once everything that follows is done. */
  settle(input: { callId: string }): Promise<void>;
  /** Records a reminder as sent; false when it was already. */
  markReminded(input: { callId: string; reminder: string }): Promise<boolean>;
}

/** In-app notices, one list per person: what a call (and a mention) tells. */
export type NotificationKind = 'call-opened' | 'call-reminder' | 'call-extended' | 'call-closed' | 'call-withdrawn' | 'mention';

export interface Notification {
  userId: string;
  /** The event: the same event for the same person is one notification. */
  eventId: string;
  kind: NotificationKind;
  at: number;
  statementId: string;
  statementTitle: string;
  /** The call told about; empty for a mention. */
  callId: string;
  /** The call's deadline when told (opened, reminder, extended). */
  deadline: number | null;
  /** For `call-closed`. */
  result: 'adopted' | 'not-adopted' | null;
  /** For `mention`: the organisation whose delegate mentioned the reader's (its name when told). */
  mentionedBy?: string | null;
}

export interface StoredNotification extends Notification {
  /** Stable id within the person's notifications. */
  id: string;
  readAt: number | null;
}

export interface NotificationStore {
  /** Stores each notification unless the same event was already stored for that person. */
  add(input: { notifications: readonly Notification[] }): Promise<void>;
  /** The person's notifications, newest first. */
  list(input: { userId: string; limit?: number }): Promise<StoredNotification[]>;
  unreadCount(input: { userId: string }): Promise<number>;
  /** Marks the given ones (or all) read. */
  markRead(input: { userId: string; ids?: readonly string[]; now: number }): Promise<void>;
}
