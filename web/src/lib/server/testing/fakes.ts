/**
 * In-memory fakes of the web server's ports, for unit tests of `$lib/server` modules. They keep
 * the ports' contracts (the account stores are `@concord/accounts`' own memory ones) and record
 * the calls a test asserts on: privilege bumps, evictions, mail.
 */
import { auditChainKey, chainAuditEntry, createSecretBox, generateSecretKey, sealAuditHead, verifyAuditChain, type AuditAnchor, type AuditHead } from '@concord/auth';
import { createMemoryAccountStores } from '@concord/accounts/memory';
import type { AuditEntry, Coalition, Organisation, Principal, Statement, TaskForce, User } from '@concord/core';
import { seatPerson, seatTestPeople, testOrganisations } from '@concord/core/testing/coalition';
import { openDraft } from '@concord/core/testing/statement';
import type { Cookies } from '@sveltejs/kit';
import type { WebContext } from '../context.ts';
import type { EntityStore, Mail } from '../ports.ts';

function entityStore<T extends { id: string; coalitionId: string }>() {
  const items = new Map<string, T>();
  const store: EntityStore<T> & { items: Map<string, T>; delete(id: string): Promise<void> } = {
    items,
    get: async (id) => structuredClone(items.get(id) ?? null),
    listByCoalition: async (coalitionId) => [...items.values()].filter((item) => item.coalitionId === coalitionId).map((item) => structuredClone(item)),
    put: async (entity) => void items.set(entity.id, structuredClone(entity)),
    delete: async (id) => void items.delete(id),
  };
  return store;
}

export interface FakeCalls {
  bumped: string[];
  evictedUsers: { userId: string; sessionId?: string; reason: string }[];
  evictedDocuments: { docId: string; reason: string }[];
  mail: Mail[];
  updates: { docId: string; update: Uint8Array; origin: string }[];
}

export type FakeContext = Awaited<ReturnType<typeof createFakeContext>>;

/** A whole WebContext in memory; `now` is the clock the fakes use for expiry. */
export async function createFakeContext(input: { now?: () => number } = {}) {
  const now = input.now ?? Date.now;
  const calls: FakeCalls = { bumped: [], evictedUsers: [], evictedDocuments: [], mail: [], updates: [] };
  const coalitions = new Map<string, Coalition>();
  const { stores, maps } = createMemoryAccountStores({ now });
  const audit: AuditEntry[] = [];
  const auditKey = auditChainKey({ secretKeyBase64: generateSecretKey() });
  const auditHeads = new Map<string, AuditHead>();
  const directory = {
    coalitions: {
      get: async (id: string) => coalitions.get(id) ?? null,
      list: async () => [...coalitions.values()],
      put: async (coalition: Coalition) => void coalitions.set(coalition.id, coalition),
    },
    organisations: entityStore<Organisation>(),
    taskForces: entityStore<TaskForce>(),
    users: entityStore<User>(),
    statements: entityStore<Statement>(),
  };
  const context = {
    directory,
    documents: { appendUpdate: async (update: { docId: string; update: Uint8Array; origin: string }) => void calls.updates.push(update) },
    ...stores,
    accounts: { ...stores.accounts, bumpPrivilege: async (userId: string) => (calls.bumped.push(userId), stores.accounts.bumpPrivilege(userId)) },
    audit: {
      append: async ({ entry }: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }) => {
        const previous = [...audit].reverse().find((e) => e.coalitionId === entry.coalitionId) ?? null;
        const linked = chainAuditEntry({ previous, entry, key: auditKey });
        audit.push(linked);
        auditHeads.set(entry.coalitionId, sealAuditHead({ coalitionId: entry.coalitionId, count: linked.seq, hash: linked.hash, keyedFrom: 1, key: auditKey }));
        return linked;
      },
      head: async ({ coalitionId }: { coalitionId: string }) => auditHeads.get(coalitionId) ?? null,
      verify: async ({ coalitionId, anchors }: { coalitionId: string; anchors?: readonly AuditAnchor[] }) =>
        verifyAuditChain({ entries: audit.filter((e) => e.coalitionId === coalitionId), head: auditHeads.get(coalitionId) ?? null, key: auditKey, anchors }),
      page: async ({ coalitionId, beforeSeq, limit }: { coalitionId: string; beforeSeq?: number; limit: number }) =>
        audit
          .filter((e) => e.coalitionId === coalitionId && (beforeSeq === undefined || e.seq < beforeSeq))
          .sort((a, b) => b.seq - a.seq)
          .slice(0, limit),
      all: async ({ coalitionId }: { coalitionId: string }) => audit.filter((e) => e.coalitionId === coalitionId),
    },
    tickets: { issue: async () => 'ticket' },
    realtime: {
      evictUser: async (evicted: { userId: string; sessionId?: string; reason: string }) => (calls.evictedUsers.push(evicted), 0),
      evictDocument: async (evicted: { docId: string; reason: string }) => (calls.evictedDocuments.push(evicted), 0),
    },
    mailer: { send: async (mail: Mail) => void calls.mail.push(mail) },
    outbox: { list: async () => calls.mail.map((mail, n) => ({ ...mail, id: String(n), at: n })).reverse() },
    secretBox: await createSecretBox({ keyBase64: generateSecretKey() }),
    activity: { lastWritten: async () => new Map<string, number>() },
    gatewayUrl: undefined,
    publicUrl: 'https://hub.test',
  } satisfies WebContext;
  return { context, calls, store: { coalitions, ...maps, audit, auditHeads } };
}

/** Cookies in memory, enough for `startSession` and `clearSessionCookie`. */
export function fakeCookies(): Cookies & { jar: Map<string, string> } {
  const jar = new Map<string, string>();
  return {
    jar,
    get: (name: string) => jar.get(name),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
    serialize: () => '',
  };
}

export const coalitionId = 'coal_TEST';

/** A small coalition: a chair, two members, an advisory and an observer organisation, a support unit. */
export async function seedCoalition(fake: FakeContext) {
  const { directory } = fake.context;
  const organisations = testOrganisations(coalitionId);
  await directory.coalitions.put({ id: coalitionId, name: 'Test Coalition' });
  for (const organisation of Object.values(organisations)) await directory.organisations.put(organisation);
  const person = async (id: string, organisation: Organisation, roles: User['roles'] = []): Promise<Principal> => {
    const principal = await seatPerson({ directory, coalitionId, id, organisation, roles });
    await fake.context.accounts.create({
      userId: id,
      email: `${id.slice(4).toLowerCase()}@test.example`,
      passwordHash: 'not-a-hash',
      totpKey: null,
      totpLastStep: 0,
      privilegeVersion: 1,
      createdAt: 0,
    });
    return principal;
  };
  const people = { ...(await seatTestPeople(person, organisations)), secretariat: await person('usr_Secretariat', organisations.support, ['secretariat']) };
  return { organisations, people };
}

/** Two drafts of the test coalition: `stmt_D` shared with everyone (`openDraft`, with `fields`), `stmt_M` for its members only. */
export async function seedDrafts(fake: FakeContext, fields: Partial<Statement> = {}): Promise<void> {
  const draft = openDraft({ id: 'stmt_D', coalitionId, ...fields });
  await fake.context.directory.statements.put(draft);
  await fake.context.directory.statements.put({ ...draft, id: 'stmt_M', visibility: { scope: 'members', taskForceId: null, advisory: false, observers: false } });
}

/** Runs `work` and returns what it threw (a SvelteKit error/redirect or a DomainError), or null. */
export async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (thrown) {
    return thrown;
  }
  return null;
}
