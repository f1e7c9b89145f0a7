/**
 * In-memory coalition ports for unit tests: the directory, invitations and sessions as maps, and
 * a record of what a test asserts on — every directory write in order, privilege bumps,
 * evictions, audit entries, mail.
 */
import type { AuditEntry, Coalition, Invitation, Organisation, Statement, TaskForce, User } from '@concord/core';
import type { CoalitionEntities, CoalitionPorts, InvitationMail } from './ports.ts';

export interface MemoryCoalitionRecord {
  /** Every directory write, in order: `organisations.put org_X` and the entity written. */
  writes: { what: string; entity: unknown }[];
  bumped: string[];
  evictedUsers: { userId: string; reason: string }[];
  evictedDocuments: { docId: string; reason: string }[];
  audit: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[];
  mail: Parameters<InvitationMail['send']>[0][];
}

function entities<T extends { id: string; coalitionId: string }>(kind: string, record: MemoryCoalitionRecord) {
  const items = new Map<string, T>();
  const store: CoalitionEntities<T> & { delete(id: string): Promise<void> } = {
    get: async (id) => structuredClone(items.get(id) ?? null),
    listByCoalition: async (coalitionId) => [...items.values()].filter((item) => item.coalitionId === coalitionId).map((item) => structuredClone(item)),
    put: async (entity) => {
      record.writes.push({ what: `${kind}.put ${entity.id}`, entity: structuredClone(entity) });
      items.set(entity.id, structuredClone(entity));
    },
    delete: async (id) => {
      record.writes.push({ what: `${kind}.delete ${id}`, entity: null });
      items.delete(id);
    },
  };
  return store;
}

/** The ports, with drafts a test can store (the ports only read them). */
export type MemoryCoalitionPorts = CoalitionPorts & { directory: { statements: CoalitionEntities<Statement> } };

/** The ports over maps; `emails` are the addresses that already have an account. */
export function createMemoryCoalitionPorts(input: { emails?: readonly string[] } = {}): { ports: MemoryCoalitionPorts; record: MemoryCoalitionRecord } {
  const record: MemoryCoalitionRecord = { writes: [], bumped: [], evictedUsers: [], evictedDocuments: [], audit: [], mail: [] };
  const coalitions = new Map<string, Coalition>();
  const invitations = new Map<string, Invitation>();
  const emails = new Set(input.emails ?? []);
  const ports: MemoryCoalitionPorts = {
    directory: {
      coalitions: { get: async (id) => structuredClone(coalitions.get(id) ?? null), put: async (coalition) => void coalitions.set(coalition.id, structuredClone(coalition)) },
      organisations: entities<Organisation>('organisations', record),
      taskForces: entities<TaskForce>('taskForces', record),
      users: entities<User>('users', record),
      statements: entities<Statement>('statements', record),
    },
    accounts: {
      bumpPrivilege: async (userId) => record.bumped.push(userId),
      findByEmail: async (email) => (emails.has(email) ? { email } : null),
    },
    realtime: {
      evictUser: async (eviction) => record.evictedUsers.push(eviction),
      evictDocument: async (eviction) => record.evictedDocuments.push(eviction),
    },
    audit: { append: async ({ entry }) => record.audit.push(structuredClone(entry)) },
    invitations: {
      create: async (invitation) => void invitations.set(invitation.id, structuredClone(invitation)),
      get: async (id) => structuredClone(invitations.get(id) ?? null),
      listByCoalition: async (coalitionId) => [...invitations.values()].filter((i) => i.coalitionId === coalitionId),
      delete: async (id) => void invitations.delete(id),
    },
    sessions: { deleteByUser: async () => [] },
    invitationMail: { send: async (mail) => void record.mail.push(mail) },
  };
  return { ports, record };
}
