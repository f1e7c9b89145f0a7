/**
 * In-memory account stores and ports for unit tests. The stores keep the contracts of `ports.ts`
 * — the same contract suites run over them and over DynamoDB (test/integration/stores/) — and the
 * ports add a directory, an audit log, the open editors and the reset mail that record what a
 * test asserts on.
 */
import { createSecretBox, generateSecretKey } from '@concord/auth';
import { fail, normaliseEmail, rateWindow, type Account, type AuditEntry, type Coalition, type Invitation, type Organisation, type PasswordReset, type Session, type User } from '@concord/core';
import type { AccountPorts, AccountStores, ResetMail } from './ports.ts';

export interface MemoryAccountMaps {
  accounts: Map<string, Account>;
  sessions: Map<string, Session>;
  invitations: Map<string, Invitation>;
  resets: Map<string, PasswordReset>;
}

/** The six stores over maps; `now` is the clock reads expire by (consume takes its own). */
export function createMemoryAccountStores(input: { now: () => number }): { stores: AccountStores; maps: MemoryAccountMaps } {
  const { now } = input;
  const maps: MemoryAccountMaps = { accounts: new Map(), sessions: new Map(), invitations: new Map(), resets: new Map() };
  const { accounts, sessions, invitations, resets } = maps;
  const throttled = new Map<string, { failures: number; nextAt: number; forgetAt: number }>();
  const hits = new Map<string, number>();
  const live = <T extends { expiresAt: number }>(item: T | undefined, at: number) => (item && item.expiresAt > at ? item : null);
  const accountOf = (userId: string) => {
    const account = accounts.get(userId);
    if (!account) throw fail.notFound('account.not-found', 'no such account');
    return account;
  };
  const patchAccount = (userId: string, fields: Partial<Account>) => void Object.assign(accountOf(userId), fields);
  const stores: AccountStores = {
    accounts: {
      get: async (userId) => structuredClone(accounts.get(userId) ?? null),
      findByEmail: async (email) => structuredClone([...accounts.values()].find((a) => a.email === normaliseEmail(email)) ?? null),
      create: async (account) => {
        if (accounts.has(account.userId)) throw fail.conflict('account.exists', 'this person already has an account');
        if ([...accounts.values()].some((a) => a.email === normaliseEmail(account.email))) return 'email-taken';
        accounts.set(account.userId, { ...account, email: normaliseEmail(account.email) });
        return 'ok';
      },
      setPassword: async ({ userId, passwordHash }) => patchAccount(userId, { passwordHash }),
      setTotpKey: async ({ userId, totpKey }) => patchAccount(userId, { totpKey }),
      setLocale: async ({ userId, locale }) => patchAccount(userId, { locale }),
      useTotpStep: async ({ userId, step }) => {
        const account = accounts.get(userId);
        if (!account || account.totpLastStep >= step) return false;
        account.totpLastStep = step;
        return true;
      },
      bumpPrivilege: async (userId) => {
        const account = accountOf(userId);
        account.privilegeVersion += 1;
        return account.privilegeVersion;
      },
      delete: async (userId) => void accounts.delete(userId),
    },
    sessions: {
      create: async (session) => void sessions.set(session.id, { ...absent(sessions, session.id, 'session.exists'), ...session }),
      get: async (id) => {
        const session = live(sessions.get(id), now());
        return session ? { ...session } : null;
      },
      touch: async ({ id, expiresAt, lastUsedAt }) => void Object.assign(sessions.get(id) ?? {}, { expiresAt, lastUsedAt }),
      listByUser: async (userId) => [...sessions.values()].filter((s) => s.userId === userId && s.expiresAt > now()).sort((a, b) => b.lastUsedAt - a.lastUsedAt),
      delete: async (id) => void sessions.delete(id),
      deleteByUser: async ({ userId, except }) => {
        const ended = [...sessions.values()].filter((s) => s.userId === userId && s.id !== except).map((s) => s.id);
        for (const id of ended) sessions.delete(id);
        return ended;
      },
    },
    invitations: {
      create: async (invitation) => void invitations.set(invitation.id, { ...absent(invitations, invitation.id, 'invitation.exists'), ...invitation }),
      get: async (id) => live(invitations.get(id), now()),
      consume: async ({ id, now: at }) => {
        const invitation = invitations.get(id);
        invitations.delete(id);
        return live(invitation, at);
      },
      listByCoalition: async (coalitionId) =>
        [...invitations.values()].filter((i) => i.coalitionId === coalitionId && i.expiresAt > now()).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
      delete: async (id) => void invitations.delete(id),
    },
    resets: {
      create: async (reset) => void resets.set(reset.id, { ...absent(resets, reset.id, 'password-reset.exists'), ...reset }),
      get: async ({ id, now: at }) => live(resets.get(id), at),
      consume: async ({ id, now: at }) => {
        const reset = resets.get(id);
        resets.delete(id);
        return live(reset, at);
      },
    },
    // Fixed windows, as the store counts them: the window's start is part of the counter's name.
    rateLimiter: {
      hit: async ({ limit, key, now: at }) => {
        const window = rateWindow({ limit, now: at });
        const name = JSON.stringify([limit.bucket, key, window.start]);
        const count = (hits.get(name) ?? 0) + 1;
        hits.set(name, count);
        return { allowed: count <= limit.limit, retryAfterMs: count <= limit.limit ? 0 : window.end - at };
      },
      refund: async ({ limit, key, now: at }) => {
        const name = JSON.stringify([limit.bucket, key, rateWindow({ limit, now: at }).start]);
        hits.set(name, Math.max(0, (hits.get(name) ?? 0) - 1));
      },
    },
    throttle: {
      // Like the store: the attempt counts until cleared, and waits as the backoff says.
      claim: async ({ backoff, key, now: at }) => {
        const name = JSON.stringify([backoff.bucket, key]);
        const stored = throttled.get(name);
        // A key quiet for `forgetAfterMs` starts again from zero.
        const state = stored && stored.forgetAt > at ? stored : { failures: 0, nextAt: 0 };
        if (at < state.nextAt) return { allowed: false, retryAfterMs: state.nextAt - at };
        const failures = state.failures + 1;
        throttled.set(name, { failures, nextAt: at + backoff.delayMs(failures), forgetAt: at + backoff.forgetAfterMs });
        return { allowed: true };
      },
      clear: async ({ backoff, key }) => void throttled.delete(JSON.stringify([backoff.bucket, key])),
    },
  };
  return { stores, maps };
}

/** Nothing under `id` yet (a store refuses a second item with one id), else a `conflict`. */
function absent(map: Map<string, unknown>, id: string, code: string): object {
  if (map.has(id)) throw fail.conflict(code, `${id} exists already`);
  return {};
}

export interface MemoryAccountRecord {
  evictedUsers: { userId: string; sessionId?: string; reason: string }[];
  audit: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[];
  mail: ({ kind: 'link'; email: string; name: string; link: string } | { kind: 'no-account'; email: string })[];
}

/** Whole ports over maps, with the stores' maps, a directory to seat people in, and the reset mail. */
export async function createMemoryAccountPorts(input: { now: () => number }) {
  const { stores, maps } = createMemoryAccountStores(input);
  const record: MemoryAccountRecord = { evictedUsers: [], audit: [], mail: [] };
  const users = new Map<string, User>();
  const organisations = new Map<string, Organisation>();
  const coalitions = new Map<string, Coalition>();
  const ports: AccountPorts = {
    ...stores,
    directory: {
      users: { get: async (id) => structuredClone(users.get(id) ?? null), put: async (user) => void users.set(user.id, structuredClone(user)) },
      organisations: { get: async (id) => structuredClone(organisations.get(id) ?? null) },
      coalitions: { get: async (id) => structuredClone(coalitions.get(id) ?? null) },
    },
    realtime: { evictUser: async (eviction) => record.evictedUsers.push(eviction) },
    audit: {
      append: async ({ entry }) => record.audit.push(entry),
      all: async ({ coalitionId }) => record.audit.filter((entry) => entry.coalitionId === coalitionId).map((entry, n) => ({ ...entry, seq: n + 1, prevHash: '', hash: '' })),
    },
    secretBox: await createSecretBox({ keyBase64: generateSecretKey() }),
  };
  const mail: ResetMail = {
    sendLink: async (sent) => void record.mail.push({ kind: 'link', ...sent }),
    sendNoAccount: async (sent) => void record.mail.push({ kind: 'no-account', ...sent }),
  };
  return { ports, mail, maps, record, directory: { users, organisations, coalitions } };
}
