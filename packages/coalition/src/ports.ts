/**
 * What managing a coalition needs, as ports: the directory it changes, the accounts whose
 * privilege rotates, the open editors it closes, the audit log, invitations and sessions, and the
 * invitation mail (worded by whoever sends it: the web, in the invitee's language). The web's
 * context satisfies them as it is (`@concord/data` on DynamoDB); unit tests use the in-memory
 * ones (`memory.ts`).
 */
import type { AuditEntry, Coalition, Invitation, Organisation, Principal, Statement, TaskForce, User } from '@concord/core';

/** Entities of one coalition, by id; lists are in creation order (eventually consistent on AWS). */
export interface CoalitionEntities<T> {
  get(id: string): Promise<T | null>;
  listByCoalition(coalitionId: string): Promise<T[]>;
  put(entity: T): Promise<void>;
}

export interface CoalitionDirectory {
  coalitions: { get(id: string): Promise<Coalition | null>; put(coalition: Coalition): Promise<void> };
  organisations: CoalitionEntities<Organisation>;
  taskForces: CoalitionEntities<TaskForce> & { delete(id: string): Promise<void> };
  users: CoalitionEntities<User>;
  /** Only read: which drafts are shared with a task force. */
  statements: Pick<CoalitionEntities<Statement>, 'listByCoalition'>;
}

export interface CoalitionAccounts {
  /** Rotates the person's sessions on their next request; a `not-found` DomainError when they have no account. */
  bumpPrivilege(userId: string): Promise<number>;
  findByEmail(email: string): Promise<unknown>;
}

/** Open editors: closed so they reconnect with their new access, or are refused. */
export interface CoalitionLive {
  evictUser(input: { userId: string; reason: string }): Promise<unknown>;
  evictDocument(input: { docId: string; reason: string }): Promise<unknown>;
}

export interface CoalitionAudit {
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<unknown>;
}

export interface InvitationStore {
  /** Stores a new invitation; a `conflict` DomainError if one with this id exists. */
  create(invitation: Invitation): Promise<void>;
  /** The invitation, or null when unknown, used or expired. */
  get(id: string): Promise<Invitation | null>;
  /** The coalition's pending invitations. */
  listByCoalition(coalitionId: string): Promise<Invitation[]>;
  delete(id: string): Promise<void>;
}

export interface CoalitionSessions {
  deleteByUser(input: { userId: string }): Promise<unknown>;
}

/** Sends the invitation's link; the words (and their language) are the sender's. */
export interface InvitationMail {
  send(input: { actor: Principal; organisation: Organisation; email: string; lead: boolean; link: string }): Promise<void>;
}

export interface CoalitionPorts {
  directory: CoalitionDirectory;
  accounts: CoalitionAccounts;
  realtime: CoalitionLive;
  audit: CoalitionAudit;
  invitations: InvitationStore;
  sessions: CoalitionSessions;
  invitationMail: InvitationMail;
}
