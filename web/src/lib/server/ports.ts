/**
 * What the web server needs from storage, mail and the realtime gateway. `@concord/data`
 * implements these on DynamoDB (and API Gateway / SES for the last two); the composition root
 * (`context.ts`) wires them. Every method is one or a few single-item conditional writes or reads.
 * Where the web needs a store whole, its port is the store's own contract, re-exported from
 * `@concord/data` (written once, there); where it needs less, the narrower port is here.
 */
import type { Coalition, Organisation, Principal, Statement, TaskForce, User } from '@concord/core';
export type { Accounts, Sessions, Invitations, PasswordResets, RateLimiter, AttemptThrottle, Backoff } from '@concord/accounts';
export type { AuditLog, Mail, Mailer, Outbox } from '@concord/data';

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

/** Statement texts: only what creating a statement with initial text needs. */
export interface Documents {
  /** Stores an update as part of the document's text (the sync core's document store). */
  appendUpdate(input: { docId: string; update: Uint8Array; origin: string }): Promise<unknown>;
}
