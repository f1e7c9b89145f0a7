/**
 * The signed-in person's own account: who they are, their sessions (each revocable), an export
 * of their data, and deleting the account. Deleting keeps the person in the directory as a
 * "Former delegate", so past acts still read, and ends everything else.
 */
import { decoyHash, verifyPassword } from '@concord/auth';
import { actEntry, fail, rateLimits, twoFactorRequired, type Principal, type Role, type Session } from '@concord/core';
import type { AccountPorts } from './ports.ts';

/**
 * The name a deleted account's person keeps in the directory (stored data, in English); pages
 * show their own words for a removed person instead.
 */
export const formerDelegateName = 'Former delegate';

export interface SessionView {
  id: string;
  /** As stored (`describeDevice`, English): the host words it. */
  device: string;
  createdAt: number;
  lastUsedAt: number;
  current: boolean;
}

export interface AccountOverview {
  name: string;
  organisationName: string;
  tier: Principal['tier'];
  isChair: boolean;
  roles: Role[];
  email: string;
  hasTwoFactor: boolean;
  twoFactorRequired: boolean;
  /** The interface language the person chose, or null: their browser's. */
  locale: string | null;
  sessions: SessionView[];
}

type Ports = Pick<AccountPorts, 'accounts' | 'sessions' | 'realtime' | 'directory' | 'audit' | 'rateLimiter'>;

const noAccount = () => fail.auth('auth.no-account', 'Sign in first.');

export async function accountOverview(input: { ports: Ports; principal: Principal; session: Session }): Promise<AccountOverview> {
  const { ports, principal, session } = input;
  const [account, sessions] = await Promise.all([ports.accounts.get(principal.userId), ports.sessions.listByUser(principal.userId)]);
  if (!account) throw noAccount();
  return {
    name: principal.userName,
    organisationName: principal.organisationName,
    tier: principal.tier,
    isChair: principal.isChair,
    roles: [...principal.roles],
    email: account.email,
    hasTwoFactor: account.totpKey !== null,
    twoFactorRequired: twoFactorRequired(principal),
    locale: account.locale ?? null,
    sessions: sessions
      .filter((s) => s.twoFactorVerified)
      .map((s) => ({ id: s.id, device: s.device, createdAt: s.createdAt, lastUsedAt: s.lastUsedAt, current: s.id === session.id })),
  };
}

/** Ends one of the person's other sessions and closes the connections made with it. */
export async function revokeSession(input: { ports: Ports; principal: Principal; current: Session; sessionId: string }): Promise<void> {
  const { ports, principal } = input;
  if (input.sessionId === input.current.id) throw fail.input('session.this-one', 'To end this session, sign out.');
  const mine = await ports.sessions.listByUser(principal.userId);
  // Another person's session, or one already gone: the same answer, nothing learnt.
  if (!mine.some((s) => s.id === input.sessionId)) throw fail.notFound('session.not-found', 'That session has already ended.');
  await ports.sessions.delete(input.sessionId);
  await ports.realtime.evictUser({ userId: principal.userId, sessionId: input.sessionId, reason: 'auth.session-revoked' });
}

/** Saves the interface language the person chose, for every session and device (null: none, follow the browser). */
export async function chooseLanguage(input: { ports: Pick<Ports, 'accounts'>; principal: Principal; locale: string | null }): Promise<void> {
  await input.ports.accounts.setLocale({ userId: input.principal.userId, locale: input.locale });
}

/** Ends every session but this one; returns how many. */
export async function signOutElsewhere(input: { ports: Ports; principal: Principal; current: Session }): Promise<number> {
  const { ports, principal } = input;
  const ended = await ports.sessions.deleteByUser({ userId: principal.userId, except: input.current.id });
  for (const sessionId of ended) await ports.realtime.evictUser({ userId: principal.userId, sessionId, reason: 'auth.session-revoked' });
  return ended.length;
}

/** Everything kept about the person, for a JSON download: no password hash, no TOTP key, no token hashes. */
export async function exportAccount(input: { ports: Ports; principal: Principal; now: number }) {
  const { ports, principal } = input;
  const [user, account, sessions, audit] = await Promise.all([
    ports.directory.users.get(principal.userId),
    ports.accounts.get(principal.userId),
    ports.sessions.listByUser(principal.userId),
    ports.audit.all({ coalitionId: principal.coalitionId }),
  ]);
  if (!user || !account) throw noAccount();
  return {
    exportedAt: new Date(input.now).toISOString(),
    user: { id: user.id, name: user.name, organisationId: user.organisationId, organisationName: principal.organisationName, coalitionId: user.coalitionId, roles: user.roles, status: user.status },
    account: { email: account.email, createdAt: iso(account.createdAt), twoFactorEnrolled: account.totpKey !== null },
    sessions: sessions.map((s) => ({ device: s.device, createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastUsedAt), expiresAt: iso(s.expiresAt) })),
    acts: audit
      .filter((entry) => entry.actor?.userId === principal.userId)
      .map((entry) => ({ seq: entry.seq, at: iso(entry.at), action: entry.action, subject: entry.subject, details: entry.details })),
  };
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * Deletes the account after checking the password: the account goes, every session ends, live
 * connections close, and the person stays in the directory as removed, named "Former delegate".
 */
export async function deleteAccount(input: { ports: Ports; principal: Principal; password: string; now: number }): Promise<void> {
  const { ports, principal, now } = input;
  const account = await ports.accounts.get(principal.userId);
  const user = await ports.directory.users.get(principal.userId);
  if (!account || !user) throw noAccount();
  const hit = await ports.rateLimiter.hit({ limit: rateLimits.confirmPasswordPerAccount, key: account.email, now });
  if (!hit.allowed) throw fail.input('account.confirm-limited', 'Too many attempts. Try again later.', { retryAfterMs: hit.retryAfterMs });
  const matches = await verifyPassword({ hash: account.passwordHash || (await decoyHash()), password: input.password });
  if (!matches) throw fail.input('account.wrong-password', 'That is not your password.');
  await ports.accounts.delete(principal.userId);
  await ports.directory.users.put({ ...user, name: formerDelegateName, roles: [], status: 'removed' });
  await ports.sessions.deleteByUser({ userId: principal.userId });
  await ports.realtime.evictUser({ userId: principal.userId, reason: 'auth.account-deleted' });
  await ports.audit.append({
    entry: actEntry({ actor: principal, action: 'member.account-deleted', subject: { kind: 'user', id: principal.userId }, details: { organisationId: principal.organisationId }, now }),
  });
}
