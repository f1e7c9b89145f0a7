/**
 * In-memory fakes of the web server's ports, for unit tests of `$lib/server` modules. They keep
 * the ports' contracts (single-use consume, expiry on read, email uniqueness) and record the
 * calls a test asserts on: privilege bumps, evictions, mail.
 */
import { auditChainKey, chainAuditEntry, createSecretBox, generateSecretKey, sealAuditHead, verifyAuditChain, type AuditAnchor, type AuditHead } from '@concord/auth';
import {
  fail,
  normaliseEmail,
  type Account,
  type AuditEntry,
  type Coalition,
  type Invitation,
  type Organisation,
  type PasswordReset,
  type Principal,
  type Session,
  type Statement,
  type TaskForce,
  type User,
} from '@concord/core';
import { seatPerson, seatTestPeople, testOrganisations } from '@concord/core/testing/coalition';
import { openDraft } from '@concord/core/testing/statement';
import type { Cookies } from '@sveltejs/kit';
import type { WebContext } from '../context.ts';
import type { Backoff, EntityStore, Mail } from '../ports.ts';

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
  const accounts = new Map<string, Account>();
  const sessions = new Map<string, Session>();
  const invitations = new Map<string, Invitation>();
  const resets = new Map<string, PasswordReset>();
  const audit: AuditEntry[] = [];
  const auditKey = auditChainKey({ secretKeyBase64: generateSecretKey() });
  const auditHeads = new Map<string, AuditHead>();
  const throttled = new Map<string, { failures: number; nextAt: number }>();
  const hits = new Map<string, number>();
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
    accounts: {
      get: async (userId: string) => structuredClone(accounts.get(userId) ?? null),
      findByEmail: async (email: string) => structuredClone([...accounts.values()].find((a) => a.email === normaliseEmail(email)) ?? null),
      create: async (account: Account) => {
        if ([...accounts.values()].some((a) => a.email === normaliseEmail(account.email))) return 'email-taken' as const;
        accounts.set(account.userId, { ...account, email: normaliseEmail(account.email) });
        return 'ok' as const;
      },
      setPassword: async ({ userId, passwordHash }: { userId: string; passwordHash: string }) => update(accounts, userId, { passwordHash }),
      setTotpKey: async ({ userId, totpKey }: { userId: string; totpKey: Account['totpKey'] }) => update(accounts, userId, { totpKey }),
      setLocale: async ({ userId, locale }: { userId: string; locale: string | null }) => update(accounts, userId, { locale }),
      useTotpStep: async ({ userId, step }: { userId: string; step: number }) => {
        const account = accounts.get(userId);
        if (!account || account.totpLastStep >= step) return false;
        account.totpLastStep = step;
        return true;
      },
      bumpPrivilege: async (userId: string) => {
        calls.bumped.push(userId);
        const account = accounts.get(userId);
        if (!account) throw fail.notFound('account.not-found', 'no such account');
        account.privilegeVersion += 1;
        return account.privilegeVersion;
      },
      delete: async (userId: string) => void accounts.delete(userId),
    },
    sessions: {
      create: async (session: Session) => void sessions.set(session.id, { ...session }),
      get: async (id: string) => {
        const session = sessions.get(id);
        return session && session.expiresAt > now() ? { ...session } : null;
      },
      touch: async ({ id, expiresAt, lastUsedAt }: { id: string; expiresAt: number; lastUsedAt: number }) => update(sessions, id, { expiresAt, lastUsedAt }),
      listByUser: async (userId: string) =>
        [...sessions.values()].filter((s) => s.userId === userId && s.expiresAt > now()).sort((a, b) => b.lastUsedAt - a.lastUsedAt),
      delete: async (id: string) => void sessions.delete(id),
      deleteByUser: async ({ userId, except }: { userId: string; except?: string }) => {
        const ended = [...sessions.values()].filter((s) => s.userId === userId && s.id !== except).map((s) => s.id);
        for (const id of ended) sessions.delete(id);
        return ended;
      },
    },
    invitations: {
      create: async (invitation: Invitation) => void invitations.set(invitation.id, invitation),
      get: async (id: string) => {
        const invitation = invitations.get(id);
        return invitation && invitation.expiresAt > now() ? invitation : null;
      },
      consume: async ({ id, now: at }: { id: string; now: number }) => {
        const invitation = invitations.get(id);
        invitations.delete(id);
        return invitation && invitation.expiresAt > at ? invitation : null;
      },
      listByCoalition: async (coalitionId: string) => [...invitations.values()].filter((i) => i.coalitionId === coalitionId && i.expiresAt > now()),
      delete: async (id: string) => void invitations.delete(id),
    },
    resets: {
      create: async (reset: PasswordReset) => void resets.set(reset.id, reset),
      get: async ({ id, now }: { id: string; now: number }) => {
        const reset = resets.get(id);
        return reset && reset.expiresAt > now ? reset : null;
      },
      consume: async ({ id, now: at }: { id: string; now: number }) => {
        const reset = resets.get(id);
        resets.delete(id);
        return reset && reset.expiresAt > at ? reset : null;
      },
    },
    rateLimiter: {
      hit: async ({ limit, key }: { limit: { bucket: string; limit: number }; key: string; now: number }) => {
        const name = `${limit.bucket}:${key}`;
        const count = (hits.get(name) ?? 0) + 1;
        hits.set(name, count);
        return { allowed: count <= limit.limit, retryAfterMs: count <= limit.limit ? 0 : 60_000 };
      },
      refund: async ({ limit, key }: { limit: { bucket: string }; key: string; now: number }) => {
        const name = `${limit.bucket}:${key}`;
        hits.set(name, Math.max(0, (hits.get(name) ?? 0) - 1));
      },
    },
    throttle: {
      // Like the store: the attempt counts until cleared, and waits as the backoff says.
      claim: async ({ backoff, key, now }: { backoff: Backoff; key: string; now: number }) => {
        const name = `${backoff.bucket}:${key}`;
        const state = throttled.get(name) ?? { failures: 0, nextAt: 0 };
        if (now < state.nextAt) return { allowed: false as const, retryAfterMs: state.nextAt - now };
        const failures = state.failures + 1;
        throttled.set(name, { failures, nextAt: now + backoff.delayMs(failures) });
        return { allowed: true as const };
      },
      clear: async ({ backoff, key }: { backoff: Backoff; key: string }) => void throttled.delete(`${backoff.bucket}:${key}`),
    },
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
  return { context, calls, store: { coalitions, accounts, sessions, invitations, resets, audit, auditHeads } };
}

function update<K, V extends object>(map: Map<K, V>, id: K, patch: Partial<V>): void {
  const item = map.get(id);
  if (item) Object.assign(item, patch);
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
