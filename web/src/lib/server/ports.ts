/**
 * What the web server needs from storage, mail and the realtime gateway. `@concord/data`
 * implements these on DynamoDB (and API Gateway / SES for the last two); the composition root
 * (`context.ts`) wires them. Every method is one or a few single-item conditional writes or reads.
 */
import type {
  Account,
  AuditEntry,
  Coalition,
  Invitation,
  Organisation,
  PasswordReset,
  Principal,
  RateLimit,
  Session,
  Statement,
  TaskForce,
  User,
} from '@concord/core';
import type { AuditAnchor, AuditHead, ChainVerdict } from '@concord/auth/audit-chain';

/** Entities of one coalition, by id; lists are in creation order (eventually consistent on AWS). */
export interface EntityStore<T> {
  get(id: string): Promise<T | null>;
  listByCoalition(coalitionId: string): Promise<T[]>;
  put(entity: T): Promise<void>;
}

export interface Directory {
  coalitions: { get(id: string): Promise<Coalition | null>; list(): Promise<Coalition[]>; put(coalition: Coalition): Promise<void> };
  organisations: EntityStore<Organisation>;
  taskForces: EntityStore<TaskForce> & { delete(id: string): Promise<void> };
  users: EntityStore<User>;
  statements: EntityStore<Statement>;
}

export interface Accounts {
  get(userId: string): Promise<Account | null>;
  /** By normalised email. */
  findByEmail(email: string): Promise<Account | null>;
  /** Creates the account; 'email-taken' (and nothing written) when another account has the email. */
  create(account: Account): Promise<'ok' | 'email-taken'>;
  setPassword(input: { userId: string; passwordHash: string }): Promise<void>;
  /** Enrols (key) or removes (null) two-factor. */
  setTotpKey(input: { userId: string; totpKey: Account['totpKey'] }): Promise<void>;
  /** Sets the interface language the person chose, or null: none, follow the browser. */
  setLocale(input: { userId: string; locale: string | null }): Promise<void>;
  /** Records the TOTP step just accepted; false when a step at or after it was already used (a replay race). */
  useTotpStep(input: { userId: string; step: number }): Promise<boolean>;
  /** Marks the person's privileges changed (sessions rotate); returns the new version. */
  bumpPrivilege(userId: string): Promise<number>;
  /** Deletes the account and frees its email. */
  delete(userId: string): Promise<void>;
}

export interface Sessions {
  create(session: Session): Promise<void>;
  /** The session, or null when unknown or expired. */
  get(id: string): Promise<Session | null>;
  /** Sliding expiry and last use. */
  touch(input: { id: string; expiresAt: number; lastUsedAt: number }): Promise<void>;
  /** The person's live sessions, most recently used first. */
  listByUser(userId: string): Promise<Session[]>;
  delete(id: string): Promise<void>;
  /** Ends every session of the person except `except`; returns the ids ended. */
  deleteByUser(input: { userId: string; except?: string }): Promise<string[]>;
}

export interface Invitations {
  create(invitation: Invitation): Promise<void>;
  /** The invitation, or null when unknown, used or expired. */
  get(id: string): Promise<Invitation | null>;
  /** Takes the invitation, once: a second caller (or an expired one) gets null. */
  consume(input: { id: string; now: number }): Promise<Invitation | null>;
  /** Pending invitations of a coalition. */
  listByCoalition(coalitionId: string): Promise<Invitation[]>;
  delete(id: string): Promise<void>;
}

export interface PasswordResets {
  create(reset: PasswordReset): Promise<void>;
  /** The reset without taking it, or null when unknown, used or expired. */
  get(input: { id: string; now: number }): Promise<PasswordReset | null>;
  /** Takes the reset, once, if not expired. */
  consume(input: { id: string; now: number }): Promise<PasswordReset | null>;
}

export interface RateLimiter {
  /** Counts one attempt in the window `now` falls in; `allowed` false once over the limit. */
  hit(input: { limit: RateLimit; key: string; now: number }): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Gives the attempt back (it succeeded): for limits that count failures only. */
  refund(input: { limit: RateLimit; key: string; now: number }): Promise<void>;
}

/** Exponential backoff per key (see `@concord/data`'s attempt-throttle): claim before checking, clear on success. */
export interface AttemptThrottle {
  claim(input: { backoff: Backoff; key: string; now: number }): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
  clear(input: { backoff: Backoff; key: string }): Promise<void>;
}

export interface Backoff {
  bucket: string;
  delayMs(failures: number): number;
  forgetAfterMs: number;
}

export interface AuditLog {
  /** Appends after the coalition's head (retrying if another append won the race); moves the head. */
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<AuditEntry>;
  /** Newest first, `limit` entries before `beforeSeq` (exclusive) or from the newest. */
  page(input: { coalitionId: string; beforeSeq?: number; limit: number }): Promise<AuditEntry[]>;
  /** The whole chain in order, for verification. */
  all(input: { coalitionId: string }): Promise<AuditEntry[]>;
  /** The sealed head (count, newest hash): what is published as the anchor; null before the first entry. */
  head(input: { coalitionId: string }): Promise<AuditHead | null>;
  /** The chain against its head and anchors noted outside the table: the first broken entry, if any. */
  verify(input: { coalitionId: string; anchors?: readonly AuditAnchor[] }): Promise<ChainVerdict>;
}

export interface Tickets {
  /** A single-use ticket for one WebSocket `$connect`, tied to the session that asked for it. */
  issue(input: { principal: Principal; sessionId: string; docId: string; access: 'read' | 'write'; now: number }): Promise<string>;
}

/** Live WebSocket connections, to close those that lost their access. */
export interface Realtime {
  /** Closes the connections of a person (all, or those of one session). */
  evictUser(input: { userId: string; sessionId?: string; reason: string }): Promise<number>;
  /** Closes every connection to a document (its sharing changed: clients reconnect with their new access). */
  evictDocument(input: { docId: string; reason: string }): Promise<number>;
}

export interface Mail {
  to: string;
  subject: string;
  /** Plain text; links in full. */
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Local host only: the outbox an operator reads instead of a mail server. */
export interface Outbox {
  /** Every mail in the outbox, newest first. */
  list(): Promise<(Mail & { id: string; at: number })[]>;
}

/** Statement texts: only what creating a statement with initial text needs. */
export interface Documents {
  /** Stores an update as part of the document's text (the sync core's document store). */
  appendUpdate(input: { docId: string; update: Uint8Array; origin: string }): Promise<unknown>;
}
