/**
 * The signed-in person's own account: who they are, their sessions (each revocable), an export
 * of their data, and deleting the account. Deleting keeps the person in the directory as a
 * "Former delegate", so past acts still read, and ends everything else.
 */
import { decoyHash, verifyPassword } from '@concord/auth';
import { fail, rateLimits, twoFactorRequired, type Principal, type Role, type Session } from '@concord/core';
import { recordAct } from './audit.ts';
import type { WebContext } from './context.ts';
import { m } from '../paraglide/messages.js';
import { invalid } from './forms.ts';
import { deviceLabel } from './session.ts';

/**
 * The name a deleted account's person keeps in the directory (stored data, in English); pages
 * show `m.former_delegate()` for a removed person instead.
 */
export const formerDelegateName = 'Former delegate';

export interface SessionView {
  id: string;
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

type Context = Pick<WebContext, 'accounts' | 'sessions' | 'realtime' | 'directory' | 'audit' | 'rateLimiter'>;

export async function accountOverview(input: { context: Context; principal: Principal; session: Session }): Promise<AccountOverview> {
  const { context, principal, session } = input;
  const [account, sessions] = await Promise.all([context.accounts.get(principal.userId), context.sessions.listByUser(principal.userId)]);
  if (!account) throw fail.auth('auth.no-account', m.error_sign_in_first());
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
      .map((s) => ({ id: s.id, device: deviceLabel(s.device), createdAt: s.createdAt, lastUsedAt: s.lastUsedAt, current: s.id === session.id })),
  };
}

/** Ends one of the person's other sessions and closes the connections made with it. */
export async function revokeSession(input: { context: Context; principal: Principal; current: Session; sessionId: string }): Promise<void> {
  const { context, principal } = input;
  if (input.sessionId === input.current.id) throw invalid({ message: m.account_end_this_session() });
  const mine = await context.sessions.listByUser(principal.userId);
  // Another person's session, or one already gone: the same answer, nothing learnt.
  if (!mine.some((s) => s.id === input.sessionId)) throw fail.notFound('session.not-found', m.account_session_gone());
  await context.sessions.delete(input.sessionId);
  await context.realtime.evictUser({ userId: principal.userId, sessionId: input.sessionId, reason: 'auth.session-revoked' });
}

/** Saves the interface language the person chose, for every session and device (null: none, follow the browser). */
export async function chooseLanguage(input: { context: Pick<Context, 'accounts'>; principal: Principal; locale: string | null }): Promise<void> {
  await input.context.accounts.setLocale({ userId: input.principal.userId, locale: input.locale });
}

/** Ends every session but this one; returns how many. */
export async function signOutElsewhere(input: { context: Context; principal: Principal; current: Session }): Promise<number> {
  const { context, principal } = input;
  const ended = await context.sessions.deleteByUser({ userId: principal.userId, except: input.current.id });
  for (const sessionId of ended) await context.realtime.evictUser({ userId: principal.userId, sessionId, reason: 'auth.session-revoked' });
  return ended.length;
}

/** Everything kept about the person, for a JSON download: no password hash, no TOTP key, no token hashes. */
export async function exportAccount(input: { context: Context; principal: Principal; now: number }) {
  const { context, principal } = input;
  const [user, account, sessions, audit] = await Promise.all([
    context.directory.users.get(principal.userId),
    context.accounts.get(principal.userId),
    context.sessions.listByUser(principal.userId),
    context.audit.all({ coalitionId: principal.coalitionId }),
  ]);
  if (!user || !account) throw fail.auth('auth.no-account', m.error_sign_in_first());
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
export async function deleteAccount(input: { context: Context; principal: Principal; password: string; now: number }): Promise<void> {
  const { context, principal, now } = input;
  const account = await context.accounts.get(principal.userId);
  const user = await context.directory.users.get(principal.userId);
  if (!account || !user) throw fail.auth('auth.no-account', m.error_sign_in_first());
  const hit = await context.rateLimiter.hit({ limit: rateLimits.confirmPasswordPerAccount, key: account.email, now });
  if (!hit.allowed) throw invalid({ field: 'password', message: m.error_too_many_later() });
  const matches = await verifyPassword({ hash: account.passwordHash || (await decoyHash()), password: input.password });
  if (!matches) throw invalid({ field: 'password', message: m.account_wrong_password() });
  await context.accounts.delete(principal.userId);
  await context.directory.users.put({ ...user, name: formerDelegateName, roles: [], status: 'removed' });
  await context.sessions.deleteByUser({ userId: principal.userId });
  await context.realtime.evictUser({ userId: principal.userId, reason: 'auth.account-deleted' });
  await recordAct({
    audit: context.audit,
    actor: principal,
    action: 'member.account-deleted',
    subject: { kind: 'user', id: principal.userId },
    details: { organisationId: principal.organisationId },
    now,
  });
}
