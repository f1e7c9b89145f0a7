/**
 * What running a consensus call needs, as ports, so the same code runs in the web app (people
 * acting) and in the scheduler (functions/: closing at the deadline, reminders). The web wires
 * them to DynamoDB, the sync core and the text; unit tests use the in-memory ones
 * (`call-memory.ts`).
 */
import type { AuditEntry, Coalition, Organisation, Statement, TaskForce, User } from '@concord/core';
import type { CallStore } from './calls.ts';
import type { NotificationStore } from './notifications.ts';

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
