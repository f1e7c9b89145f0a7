/**
 * What the web server needs from storage, mail and the realtime gateway. `@concord/data`
 * implements these on DynamoDB (and API Gateway / SES for the last two); the composition root
 * (`context.ts`) wires them. Every method is one or a few single-item conditional writes or reads.
 * Where the web needs a store whole, its port is the store's own contract, re-exported from where
 * it is written once (`@concord/accounts` for the account stores, `@concord/data` for the rest);
 * where it needs less, the narrower port is here.
 */
import type { Principal } from '@concord/core';
export type { Accounts, Sessions, Invitations, PasswordResets, RateLimiter, AttemptThrottle, Backoff } from '@concord/accounts';
export type { AuditLog, EntityStore, Mail, Mailer, Outbox, Realtime, Repositories as Directory } from '@concord/data';

export interface Tickets {
  /** A single-use ticket for one WebSocket `$connect`, tied to the session that asked for it. */
  issue(input: { principal: Principal; sessionId: string; docId: string; access: 'read' | 'write'; now: number }): Promise<string>;
}

/** Statement texts: only what creating a statement with initial text needs. */
export interface Documents {
  /** Stores an update as part of the document's text (the sync core's document store). */
  appendUpdate(input: { docId: string; update: Uint8Array; origin: string }): Promise<unknown>;
}
